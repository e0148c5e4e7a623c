import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**", "scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: "Only bin/ may exit; throw a typed error instead.",
        },
      ],
    },
  },
  {
    files: ["src/plan/**/*.ts", "src/render/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:fs", "node:fs/*", "fs", "node:process", "node:child_process", "chalk"],
              message: "plan and render stay pure: no fs, process or colour.",
            },
            {
              group: ["**/cli/**", "**/commands/**"],
              message: "Layers go one way: plan/render never import cli or commands.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "plan and render stay pure: pass values in." }],
    },
  },
  {
    files: ["src/records/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/cli/**", "**/commands/**", "chalk"],
              message: "records never import cli, commands or colour.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["bin/**/*.js"],
    rules: { "no-restricted-syntax": "off" },
  },
);
