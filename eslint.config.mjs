// ESLint flat config: typescript-eslint strictness, the Office add-in rules (context.sync in loops,
// load-before-read …) and React hooks. Formatting is Prettier's job (`npm run format:check`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettierOff from "eslint-config-prettier";

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "data/", "docs/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      ...officeRules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Office.js is touched in one place only, the adapter in src/addin/office/ (host detection,
    // requirement sets, dialogs, settings, storage, workbook, ribbon, custom functions): every platform
    // quirk is handled there, and tests put one fake host behind it.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/addin/office/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Identifier[name=/^(Office|Excel|OfficeRuntime|CustomFunctions)$/]",
          message: "Reach Office.js through the adapter in src/addin/office/, never directly.",
        },
      ],
    },
  },
  {
    // Tests put the one fake host (test/support/officeHost.ts) behind the adapter instead of patching
    // Office.js's globals. CustomFunctions stays a global stand-in (the build's associate calls need it).
    files: ["test/**/*.{ts,tsx}"],
    ignores: ["test/**/support/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Identifier[name=/^(Office|Excel|OfficeRuntime)$/]",
          message: "Give the fake Office host the parts you need (test/support/officeHost.ts).",
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettierOff,
);
