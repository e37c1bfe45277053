/**
 * Errors a lookup can end in, named after the Excel error each one becomes. An error carries a
 * message id and its details; the words live in the message table (messages.ts).
 */
import { bilingualError, type ErrorArgs, type ErrorId } from "./messages/errors";

export type HHErrorCode = "N/A" | "VALUE" | "NUM" | "DIV/0";

export class HHError extends Error {
  readonly details: unknown;
  constructor(
    readonly code: HHErrorCode,
    readonly id: ErrorId,
    ...args: unknown[]
  ) {
    super(bilingualError(id, ...(args as ErrorArgs<ErrorId>)));
    this.details = args[0];
  }
}

export const notFound = <K extends ErrorId>(id: K, ...args: ErrorArgs<K>) => new HHError("N/A", id, ...args);
export const badValue = <K extends ErrorId>(id: K, ...args: ErrorArgs<K>) => new HHError("VALUE", id, ...args);
export const badNumber = <K extends ErrorId>(id: K, ...args: ErrorArgs<K>) => new HHError("NUM", id, ...args);
export const divideByZero = <K extends ErrorId>(id: K, ...args: ErrorArgs<K>) => new HHError("DIV/0", id, ...args);
