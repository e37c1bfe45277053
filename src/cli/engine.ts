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
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type RawCellContent,
} from "hyperformula";
import * as functionsModule from "../functions/functions";

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
    const call = (args: unknown[]) =>
      toEngineValue(implementation(...args.map((a) => (a === EmptyValue || a === undefined ? null : a))));
    (HHPlugin.prototype as unknown as Record<string, unknown>)[method] = function (
      this: FunctionPlugin,
      ast: never,
      state: never,
    ) {
      return this.runFunction(
        (ast as { args: never[] }).args,
        state,
        this.metadata(name),
        (...args: unknown[]) => call(args) as never,
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

export type EvalResult =
  | { ok: true; value: string | number | boolean | null | Array<Array<string | number | boolean | null>> }
  | { ok: false; error: string; message: string };

/** Rows between formulas, so a spill has room: HH.FIND returns at most 500 rows plus its header. */
const FORMULA_SPACING = 512;

/** Evaluates formulas in one sheet, each in its own cell of column A; returns each result. */
export async function evaluateFormulas(formulas: string[]): Promise<EvalResult[]> {
  await registerHHFunctions();
  const sheet: RawCellContent[][] = formulas.map((f) => [f.startsWith("=") ? f : `=${f}`]);
  // Spilled results need room: put each formula far enough apart.
  const spaced: RawCellContent[][] = [];
  sheet.forEach((row) => {
    spaced.push(row);
    for (let i = 1; i < FORMULA_SPACING; i++) spaced.push([null]);
  });
  const hf = HyperFormula.buildFromSheets({ Sheet1: spaced }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  try {
    return formulas.map((_, index) => readResult(hf, index * FORMULA_SPACING));
  } finally {
    hf.destroy();
  }
}

export function readResult(hf: HyperFormula, row: number): EvalResult {
  const address = { sheet: 0, col: 0, row };
  const value = hf.getCellValue(address);
  if (value && typeof value === "object" && "type" in value) {
    return {
      ok: false,
      error: (value as { value: string }).value,
      message: (value as { message?: string }).message ?? "",
    };
  }
  if (hf.isCellPartOfArray(address)) {
    // Read just the spilled block, cell by cell, not the whole sheet once per formula.
    const inArray = (r: number, c: number) => hf.isCellPartOfArray({ sheet: 0, col: c, row: r });
    const out: Array<Array<string | number | boolean | null>> = [];
    for (let r = row; r < row + FORMULA_SPACING && inArray(r, 0); r++) {
      const cells: Array<string | number | boolean | null> = [];
      for (let c = 0; inArray(r, c); c++) {
        cells.push(hf.getCellValue({ sheet: 0, col: c, row: r }) as string | number | boolean | null);
      }
      out.push(cells);
    }
    return { ok: true, value: out };
  }
  return { ok: true, value: value as string | number | boolean | null };
}
