/** HH formulas in the real engine (HyperFormula, as `hh eval` runs them), one at a time, optionally over a given live dataset. */
import { evaluateFormulas, type EvalResult } from "../../src/cli/engine";
import type { LiveDataset } from "../../src/core/live/dataset";

export function formulaRunner(live?: LiveDataset) {
  async function run(formula: string): Promise<EvalResult> {
    return (await evaluateFormulas([formula], { live }))[0];
  }
  async function value(formula: string) {
    const result = await run(formula);
    if (!result.ok) throw new Error(`${formula} → ${result.error} ${result.message}`);
    return result.value;
  }
  async function error(formula: string) {
    const result = await run(formula);
    if (result.ok) throw new Error(`${formula} → expected an error, got ${JSON.stringify(result.value)}`);
    return result;
  }
  return { run, value, error };
}
