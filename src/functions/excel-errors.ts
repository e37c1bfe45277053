/** Turns anything a lookup throws into an Excel error value with a message; nothing escapes. */
import { HHError, type HHErrorCode } from "../core/errors";
import { bilingualError } from "../core/messages/errors";
import { DatasetError } from "../core/model";

const ERROR_CODES: Record<HHErrorCode, CustomFunctions.ErrorCode> = {
  "N/A": "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  VALUE: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  NUM: "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  "DIV/0": "#DIV/0!" as CustomFunctions.ErrorCode.divisionByZero,
};

export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof HHError) return new CustomFunctions.Error(ERROR_CODES[error.code], error.message);
  const message =
    error instanceof DatasetError
      ? error.message
      : bilingualError("internal", { detail: String((error as Error)?.message ?? error) });
  return new CustomFunctions.Error(ERROR_CODES.VALUE, message);
}

/**
 * Runs a lookup; a thrown error becomes the cell's error value. Numbers must be finite.
 * The declared type stays T because the metadata generator only accepts plain Excel types;
 * Excel (CustomFunctionsRuntime 1.2+) accepts a returned CustomFunctions.Error as the cell's error.
 */
export function excelResult<T>(compute: () => T): T {
  try {
    const result = compute();
    if (typeof result === "number" && !Number.isFinite(result)) {
      return new CustomFunctions.Error(ERROR_CODES.NUM, bilingualError("notFinite")) as unknown as T;
    }
    return result;
  } catch (error) {
    return toExcelError(error) as unknown as T;
  }
}
