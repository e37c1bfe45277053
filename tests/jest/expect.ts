/**
 * Jest's `expect` with vitest's optional second argument: `expect(value, message)`. A failing matcher's
 * error gets the message in front, so a failure inside a loop names its case (a file, a formula, a
 * name) as it did under vitest. Without a message it is Jest's `expect` unchanged; all of Jest's
 * matchers, `.not`, `.resolves`, `.rejects` and the static members (`expect.any` …) work as usual.
 */
import { expect as jestExpect } from "@jest/globals";

type JestExpect = typeof jestExpect;

/** Puts the message in front of a matcher's error, and drops this file's frames so the code frame shows the test. */
function labelled(error: unknown, message: string): unknown {
  if (!(error instanceof Error)) return error;
  const original = error.message;
  const stack = error.stack; // read first: V8 formats it on first access, with the message of that moment
  error.message = `${message}\n\n${original}`;
  if (typeof stack === "string")
    error.stack = stack
      .replace(original, error.message)
      .split("\n")
      .filter((line) => !line.includes(__filename))
      .join("\n");
  return error;
}

function withMessage<T extends object>(target: T, message: string): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key);
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(object, args);
          } catch (error) {
            throw labelled(error, message);
          }
          if (result instanceof Promise)
            return result.catch((error: unknown) => {
              throw labelled(error, message);
            });
          return result;
        };
      }
      return value !== null && typeof value === "object" ? withMessage(value, message) : value;
    },
  });
}

export const expect = new Proxy(jestExpect, {
  apply(target, thisArg, args: unknown[]) {
    const matchers = Reflect.apply(target, thisArg, [args[0]]) as object;
    return typeof args[1] === "string" ? withMessage(matchers, args[1]) : matchers;
  },
}) as JestExpect & (<T>(actual: T, message?: string) => ReturnType<typeof jestExpect<T>>);
