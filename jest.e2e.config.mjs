/**
 * Jest for the tests of the production build and the browser tests (`npm run test:e2e`): run after
 * `webpack --mode production` (scripts/test.ts does both). One file at a time: they share port 3000
 * and Chromium. Hooks that take longer than a test say so themselves (the dev server's start).
 */
import { transform, transformIgnorePatterns } from "./jest.config.mjs";

/** @type {import("jest").Config} */
export default {
  transform,
  transformIgnorePatterns,
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
  testTimeout: 120000,
  maxWorkers: 1,
};
