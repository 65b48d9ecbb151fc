// ESLint: typescript-eslint's recommended type-checked rules over the pack, its tools, benchmarks and tests
// (https://typescript-eslint.io/getting-started/typed-linting). Formatting is Prettier's (.prettierrc.json), so
// eslint-config-prettier turns off the rules that would disagree with it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "bin/",
      "node_modules/",
      "examples/",
      ".bench-tmp/",
      "coverage/",
      "reports/",
      ".stryker-tmp*/",
      ".fuzz-failures/",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed parameters and variables are deliberately unused (a callback's shape, a destructured rest).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.stringContaining, ...) and JSON.parse are typed `any`; the
    // tests use them where a value of the compared type is expected.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  prettier,
);
