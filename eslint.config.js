import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Imports that would slow every start: each names what to do instead (issue 12, BENCHMARKS.md "Start-up"). */
const slowImports = [
  {
    name: "date-fns",
    allowTypeImports: true,
    message: "Import each function from its own module (date-fns/format): the index loads all of date-fns.",
  },
  {
    name: "date-fns/locale",
    allowTypeImports: true,
    message: "Import each locale from its own module (date-fns/locale/fr): the index loads every locale.",
  },
  { name: "log-update", message: "Load log-update with import() only when progress is drawn (src/cli/progress.ts)." },
  { name: "inquirer", message: "Load inquirer with import() where a question is asked (src/cli/prompts.ts)." },
  {
    name: "date-holidays",
    message: "Use loadHolidays (src/commands/load-holidays.ts): it loads the rules of the workspace's countries only.",
  },
  {
    name: "date-holidays-parser",
    allowTypeImports: true,
    message: "Use loadHolidays (src/commands/load-holidays.ts): it imports the parser only when a host has a country.",
  },
];

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
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message:
            'Write `import * as z from "zod"`: the bundle then keeps the parts used; `z` holds all of zod and its locales.',
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
    files: ["src/**/*.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: slowImports }] },
  },
  {
    // A command's definition is what --help is built from: plain data, so it imports nothing else.
    files: ["src/commands/*-command.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./definition\\.js$)",
              message: "A *-command.ts file holds plain data; its code is imported by load() when the command runs.",
            },
          ],
        },
      ],
    },
  },
  {
    // The registry builds --help from every command's light definition; a command's code is imported when it runs.
    files: ["src/cli/main.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: slowImports,
          patterns: [
            {
              group: ["../commands/*", "!../commands/*-command.js", "!../commands/definition.js"],
              allowTypeImports: true,
              message: "main.ts imports command definitions (*-command.ts); CommandDefinition.load imports the rest.",
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
