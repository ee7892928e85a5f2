// typescript-eslint's recommended rules over the whole project, React's rules of hooks, Microsoft's
// Office add-in rules (eslint-plugin-office-addins: load before read, sync after load, no sync in
// a loop…), and the layering of ARCHITECTURE.md as import rules, so a boundary is kept by the
// linter rather than by review. Only the Office plugin's rules are taken, at the severities of its
// recommended set; its own parser settings and Prettier rule would duplicate ours.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Office.js globals: only the Office host and the pane's entry point may touch them. */
const officeGlobals = [
  { name: "Excel", message: "Only src/excel talks to Excel; pass data and callbacks in instead." },
  { name: "Office", message: "Only src/excel and the pane's entry point talk to Office." },
  { name: "OfficeExtension", message: "Only src/excel talks to Office." },
];

/** Import patterns that name a layer by its folder, wherever the importing file sits. */
const layer = (folder) => [`**/${folder}`, `**/${folder}/**`];

export default tseslint.config(
  {
    ignores: [
      "lib/",
      "dist/",
      "dist-maps/",
      "release/",
      "node_modules/",
      "coverage/",
      "test-output/",
      "**/*.js",
      "!eslint.config.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The Office.js code lives in src/; the scripts read TypeScript syntax trees, whose `.members` the rules take for proxies.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(
      officeAddins.configs.recommended
        .flatMap((c) => Object.entries(c.rules ?? {}))
        .filter(([name]) => name.startsWith("office-addins/")),
    ),
  },
  {
    files: ["src/**/*.tsx", "src/taskpane/**/*.ts", "test/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The core is pure: plain data in, plain data out. It imports only its own files and the
    // frameworks' data (no Excel, ExcelJS, React, Node or any package) and reads no clock.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./|\\.\\./frameworks/[^/]+\\.json$)",
              message: "src/core imports only its own files (and the frameworks' JSON): no host, face or package.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...officeGlobals,
        { name: "performance", message: "The core reads no clock: pass the time in." },
      ],
      // Same input, same output: no clock and no chance inside the core.
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The core reads no clock: pass the time in." },
        { object: "Math", property: "random", message: "The core is deterministic: pass a seed or a choice in." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "The core reads no clock: pass the time in.",
        },
      ],
    },
  },
  {
    // Frameworks are data and the loader that checks it.
    files: ["src/frameworks/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./|\\.\\./core/)",
              message: "src/frameworks imports only its data and the core.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components show state and send intents: props in, callbacks out. No Excel, no host,
    // no file reader, no pane state machinery.
    files: ["src/taskpane/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...layer("excel"),
                ...layer("fake-excel"),
                ...layer("xlsx"),
                ...layer("cli"),
                "exceljs",
                "office-js",
              ],
              message: "A component gets data and callbacks as props; only src/excel talks to Excel.",
            },
            {
              group: ["**/usePane", "**/levelWatch", "**/hostMessage"],
              message: "A component gets data and callbacks as props; the pane's hook talks to the host.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    // The pane's state and views reach the workbook only through the WorkbookHost interface.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/components/**", "src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...layer("xlsx"), ...layer("cli"), ...layer("fake-excel"), "exceljs", "**/excel/officeHost"],
              message:
                "The pane reaches the workbook only through the WorkbookHost interface (src/excel/workbookHost).",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    // The two workbook adapters and the command line do not know about each other's worlds.
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...layer("taskpane"),
                ...layer("xlsx"),
                ...layer("cli"),
                ...layer("fake-excel"),
                "exceljs",
                "react",
                "react-dom",
              ],
              message:
                "src/excel implements the WorkbookHost with Office.js; it knows the core, not the faces or the file reader.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...layer("taskpane"),
                ...layer("excel"),
                ...layer("fake-excel"),
                "react",
                "react-dom",
                "@fluentui/*",
              ],
              message: "The command line and its file reader run in Node: no Office.js, no pane.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
);
