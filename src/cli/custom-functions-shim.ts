/** The slice of Excel's CustomFunctions runtime the HH functions use, for Node (CLI, tests, bench). */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsShim(): void {
  const global = globalThis as unknown as { CustomFunctions?: unknown };
  if (global.CustomFunctions) return;
  global.CustomFunctions = { Error: CustomFunctionsError, ErrorCode, associate: () => undefined };
}

export function isCustomFunctionsError(value: unknown): value is { code: string; message?: string } {
  return value instanceof CustomFunctionsError || (value as { constructor?: { name?: string } })?.constructor?.name === "Error" && typeof (value as { code?: unknown }).code === "string" && String((value as { code: string }).code).startsWith("#");
}
