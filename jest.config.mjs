/**
 * Jest for the unit and integration tests (`npm run test:unit`); the browser tests have jest.e2e.config.mjs.
 * TypeScript and TSX go through @swc/jest (types stripped, not checked: `tsc --noEmit` does that), JSX with
 * React's automatic runtime. node_modules is not transformed, except the few ESM-only packages below.
 * Two projects: *.test.tsx (the pane's components) run in jsdom, *.test.ts in Node.
 */
const swc = (parser) => [
  "@swc/jest",
  {
    jsc: {
      parser,
      transform: { react: { runtime: "automatic" } },
    },
    module: { type: "commonjs" },
  },
];

/**
 * ESM-only packages that something we load require()s. Node 20.19+ loads them natively (require(esm)),
 * Jest's module loader does not: swc compiles them to CommonJS. strip-bom 5: office-addin-manifest's
 * @microsoft/app-manifest and uuid 14: office-addin-manifest (loaded by office-addin-mock and the
 * manifest check).
 */
const ESM_ONLY = ["strip-bom", "uuid"];

/** Shared with jest.e2e.config.mjs. */
export const transform = {
  "^.+\\.ts$": swc({ syntax: "typescript", tsx: false }),
  "^.+\\.tsx$": swc({ syntax: "typescript", tsx: true }),
  "^.+\\.m?js$": swc({ syntax: "ecmascript" }),
};
export const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join("|")})/)`];

const tests = ["tests/unit", "tests/integration"];

/** @type {import("jest").Config} */
export default {
  testTimeout: 30000,
  // Jest's default on 2 cores is one worker, in band; two overlap the CLI tests' waits on their child processes.
  maxWorkers: 2,
  projects: [
    {
      displayName: "node",
      transform,
      transformIgnorePatterns,
      testEnvironment: "node",
      testMatch: tests.map((dir) => `<rootDir>/${dir}/**/*.test.ts`),
    },
    {
      displayName: "jsdom",
      transform,
      transformIgnorePatterns,
      // jest-environment-jsdom plus Node's fetch classes and text codecs (see the file).
      testEnvironment: "<rootDir>/tests/jest/jsdom-environment.ts",
      testMatch: tests.map((dir) => `<rootDir>/${dir}/**/*.test.tsx`),
    },
  ],
};
