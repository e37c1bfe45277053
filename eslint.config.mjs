// ESLint flat config following office-addin-lint: the Office add-ins plugin's React preset (which brings
// TypeScript and Prettier), parsing .ts/.tsx with typescript-eslint, plus the layer rules: src/core is
// pure (no Office, React, DOM, edge imports, or network, timers and storage except through injected
// ports); src/runtime, the edge adapters, may use Office and the runtime's globals but no UI.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The preset covers .js/.ts; reuse its plugin instances for .tsx (ESLint refuses two instances of one plugin).
const presetPlugins = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins;

export default [
  {
    ignores: ["dist/**", "build/**", "node_modules/**", "data/dist/**", "test-artifacts/**", "coverage/**", "tmp-prompts/**", "bin/**", "scripts/webpack/**", "webpack.config.js", "eslint.config.mjs"],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: presetPlugins,
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off",
      "no-redeclare": "off",
      // The TypeScript rule above understands parameter names in function types; the base rule does not.
      "no-unused-vars": "off",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-dom",
            "@fluentui/*",
            "office-addin-*",
            "@microsoft/office-js",
            "node:*",
            "**/runtime/*",
            "**/taskpane/*",
            "**/excel/*",
            "**/functions/*",
            "**/commands/*",
            "**/cli/*",
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "localStorage",
        "navigator",
        "Office",
        "Excel",
        "OfficeRuntime",
        "globalThis",
        "fetch",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
      ],
    },
  },
  {
    files: ["src/runtime/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@fluentui/*", "**/taskpane/*", "**/cli/*", "**/core/extract/*"] }],
    },
  },
  {
    // What ships in the add-in never pulls in the build-time extraction code.
    files: ["src/functions/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/excel/**/*.ts", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/core/extract/*"] }],
    },
  },
];
