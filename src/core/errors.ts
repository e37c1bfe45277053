/** Errors a lookup can end in, named after the Excel error each one becomes. */
export type HHErrorCode = "N/A" | "VALUE" | "NUM" | "DIV/0";

export class HHError extends Error {
  constructor(
    readonly code: HHErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new HHError("N/A", message);
export const badValue = (message: string) => new HHError("VALUE", message);
export const badNumber = (message: string) => new HHError("NUM", message);
