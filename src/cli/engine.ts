/**
 * A real formula engine for the HH functions: HyperFormula, with the project's own function
 * implementations registered from the metadata that custom-functions-metadata generates from
 * their JSDoc, exactly as the webpack build does for Excel. Metadata and code cannot drift apart.
 */
import { resolve } from "node:path";
import { isCustomFunctionsError } from "../functions/custom-functions-fallback";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type RawCellContent,
} from "hyperformula";
import type { LiveDataset } from "../core/live/dataset";
import * as functionsModule from "../functions/functions";
import { answeringFrom } from "../functions/live";
import { inDateSystem } from "../runtime/date-system";
import type { DateSystem } from "../core/excel-dates";

export const FUNCTIONS_SOURCE = resolve(__dirname, "../functions/functions.ts");

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; type: string; optional?: boolean; dimensionality?: string }>;
  result: { type?: string; dimensionality?: string };
}

let metadataCache: Promise<{ functions: FunctionMetadata[]; associate: Map<string, string>; json: string }> | undefined;

/** functions.json as the build generates it, plus which exported function implements each id. */
export function loadFunctionsMetadata() {
  metadataCache ??= generateCustomFunctionsMetadata(FUNCTIONS_SOURCE).then((result) => {
    if (result.errors.length > 0) throw new Error(`functions.json: ${result.errors.join("; ")}`);
    return {
      functions: (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions,
      associate: new Map(result.associate.map((a) => [a.id, a.functionName])),
      json: result.metadataJson,
    };
  });
  return metadataCache;
}

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

const ARGUMENT_TYPES: Record<string, FunctionArgumentType> = {
  number: FunctionArgumentType.NUMBER,
  boolean: FunctionArgumentType.BOOLEAN,
  string: FunctionArgumentType.STRING,
  any: FunctionArgumentType.SCALAR,
};

type Implementation = (...args: unknown[]) => unknown;

function toEngineValue(value: unknown): unknown {
  if (isCustomFunctionsError(value)) return new CellError(ERROR_TYPES[value.code] ?? ErrorType.VALUE, value.message);
  if (Array.isArray(value)) {
    const rows = value.map((row: unknown[]) =>
      row.map((cell) =>
        isCustomFunctionsError(cell) ? new CellError(ERROR_TYPES[cell.code] ?? ErrorType.VALUE, cell.message) : cell,
      ),
    );
    return SimpleRangeValue.onlyValues(rows as never);
  }
  return value;
}

/** Literal arguments of a call, so a spilled result's size can be known when the formula is parsed. */
function literalArgs(ast: { args: Array<{ type: string; value?: unknown }> }): unknown[] | undefined {
  const values: unknown[] = [];
  for (const arg of ast.args) {
    if (arg.type === "NUMBER" || arg.type === "STRING") values.push(arg.value);
    else if (arg.type === "EMPTY") values.push(null);
    else return undefined;
  }
  return values;
}

let registered = false;

/** Registers every HH function with HyperFormula (once per process). */
export async function registerHHFunctions(): Promise<FunctionMetadata[]> {
  const { functions, associate } = await loadFunctionsMetadata();
  if (registered) return functions;
  const implementations = functionsModule as unknown as Record<string, Implementation>;

  class HHPlugin extends FunctionPlugin {}
  const definitions: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const meta of functions) {
    const functionName = associate.get(meta.id);
    const implementation = functionName ? implementations[functionName] : undefined;
    if (!implementation)
      throw new Error(`functions.json names ${meta.id}, but functions.ts exports no ${functionName}`);
    const name = `HH.${meta.name}`;
    const method = `hh_${meta.id}`;
    (HHPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
      this: FunctionPlugin,
      ast: { args: Array<{ type: string }> },
      state: never,
    ) {
      // An argument left empty (=HH.YOY(1,)) reaches the function as null, as Excel passes it: the
      // function rejects it where a value is required and uses its default where it is optional.
      // HyperFormula alone would coerce it to 0 for a number parameter and "" for a text one.
      const empty = ast.args.map((arg) => arg.type === "EMPTY");
      return this.runFunction(
        ast.args as never,
        state,
        this.metadata(name),
        (...args: unknown[]) =>
          toEngineValue(
            implementation(...args.map((a, i) => (empty[i] || a === EmptyValue || a === undefined ? null : a))),
          ) as never,
      );
    };
    const definition: Record<string, unknown> = {
      method,
      parameters: meta.parameters.map((p) => ({
        argumentType: ARGUMENT_TYPES[p.type] ?? FunctionArgumentType.SCALAR,
        optionalArg: p.optional === true,
      })),
      vectorizationForbidden: true,
    };
    if (meta.result.dimensionality === "matrix") {
      const sizeMethod = `${method}_size`;
      (HHPlugin.prototype as unknown as Record<string, unknown>)[sizeMethod] = (ast: never) => {
        const args = literalArgs(ast);
        if (!args) return ArraySize.error();
        const result = implementation(...args);
        if (!Array.isArray(result)) return ArraySize.scalar();
        return new ArraySize(Math.max(...result.map((r: unknown[]) => r.length)), result.length);
      };
      definition.sizeOfResultArrayMethod = sizeMethod;
    }
    definitions[name] = definition;
    translations[name] = name;
  }
  (HHPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = definitions;
  HyperFormula.registerFunctionPlugin(HHPlugin as never, { enGB: translations } as never);
  registered = true;
  return functions;
}

type Scalar = string | number | boolean | null;

export type EvalResult = { ok: true; value: Scalar | Scalar[][] } | { ok: false; error: string; message: string };

const sheetName = (index: number) => `F${index + 1}`;

export interface EvalOptions {
  /** The dataset the HH functions answer from; default the runtime's one. */
  live?: LiveDataset;
  /** The workbook's date system: what DATE() returns and how as_of serials are read (default 1900). */
  dateSystem?: DateSystem;
}

/**
 * Evaluates formulas, each alone in cell A1 of its own sheet, so any number of them fit and each
 * spill has a whole sheet; returns each result. Numbers keep full double precision: HyperFormula's
 * output rounding (smartRounding, 10 digits by default) is off.
 */
export async function evaluateFormulas(formulas: string[], options: EvalOptions = {}): Promise<EvalResult[]> {
  await registerHHFunctions();
  const { live, dateSystem = 1900 } = options;
  const inWorkbook = () => inDateSystem(dateSystem, () => evaluate(formulas, dateSystem));
  return live ? answeringFrom(live, inWorkbook) : inWorkbook();
}

/** Builds the sheets and reads the results; synchronous, so a dataset bound around it holds throughout. */
function evaluate(formulas: string[], dateSystem: DateSystem): EvalResult[] {
  const sheets: Record<string, RawCellContent[][]> = {};
  formulas.forEach((formula, index) => {
    sheets[sheetName(index)] = [[formula.startsWith("=") ? formula : `=${formula}`]];
  });
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
    nullDate: dateSystem === 1904 ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 30 },
  });
  try {
    return formulas.map((_, index) => readResult(hf, hf.getSheetId(sheetName(index))!));
  } finally {
    hf.destroy();
  }
}

const NOT_FINITE = "结果不是有限数 result is not a finite number";

function isError(value: unknown): value is DetailedCellError {
  return value instanceof DetailedCellError;
}

/** One cell of a spilled block: an error cell reads as its code, a non-finite number as #NUM!. */
function cellValue(value: unknown): Scalar {
  if (isError(value)) return value.value;
  if (typeof value === "number" && !Number.isFinite(value)) return "#NUM!";
  return (value ?? null) as Scalar;
}

/** The result of the formula in A1 of a sheet: a value, a spilled block, or an error with its message. */
export function readResult(hf: HyperFormula, sheet: number): EvalResult {
  const address = { sheet, col: 0, row: 0 };
  const value = hf.getCellValue(address);
  if (isError(value)) return { ok: false, error: value.value, message: value.message ?? "" };
  if (typeof value === "number" && !Number.isFinite(value)) return { ok: false, error: "#NUM!", message: NOT_FINITE };
  // The formula is alone on its sheet: the sheet's values are exactly its spilled block.
  if (hf.isCellPartOfArray(address))
    return { ok: true, value: hf.getSheetValues(sheet).map((row) => row.map(cellValue)) };
  return { ok: true, value: cellValue(value) };
}
