/**
 * The slice of Excel's CustomFunctions runtime the HH functions use, for Node (CLI, tests, bench).
 * Installed when this module loads, so import it before anything that creates CustomFunctions.Error.
 */
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

const global = globalThis as unknown as { CustomFunctions?: unknown };
global.CustomFunctions ??= { Error: CustomFunctionsError, ErrorCode, associate: () => undefined };

export function isCustomFunctionsError(value: unknown): value is { code: string; message?: string } {
  if (value instanceof CustomFunctionsError) return true;
  const v = value as { code?: unknown; constructor?: unknown } | null;
  const RuntimeError = (globalThis as unknown as { CustomFunctions: { Error: unknown } }).CustomFunctions.Error;
  return !!v && typeof v === "object" && v.constructor === RuntimeError && typeof v.code === "string";
}
