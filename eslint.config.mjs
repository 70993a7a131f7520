import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "reports/latest/**", "**/*.config.js", "eslint.config.mjs"] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  // Only the CLI talks to the terminal.
  {
    files: ["src/cli/**/*.ts", "bench/**/*.ts", "contracts/generatePacts.ts"],
    rules: { "no-console": "off" },
  },
  prettier,
);
