/**
 * Outside Excel's custom-functions runtime (a plain browser preview, Node for the CLI and tests)
 * there is no CustomFunctions global, yet functions.ts needs CustomFunctions.Error and the build
 * appends CustomFunctions.associate calls to it. This installs a stand-in with the same shape;
 * inside Excel, office.js has defined the real one before our bundle runs and this does nothing.
 * Import it before functions.ts.
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

const scope = globalThis as unknown as { CustomFunctions?: unknown };
export const usingFallback = scope.CustomFunctions === undefined;
if (usingFallback) scope.CustomFunctions = { Error: CustomFunctionsError, ErrorCode, associate: () => undefined };

/** True for a CustomFunctions.Error, real or stand-in. */
export function isCustomFunctionsError(value: unknown): value is { code: string; message?: string } {
  const RuntimeError = (globalThis as unknown as { CustomFunctions: { Error: new (...a: never[]) => unknown } })
    .CustomFunctions.Error;
  return value instanceof CustomFunctionsError || (typeof RuntimeError === "function" && value instanceof RuntimeError);
}
