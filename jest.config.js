/**
 * Unit, table-driven, property and .xlsx round-trip tests: hermetic, no system packages.
 * The pane's parts fetched on demand are dynamic import()s of "./x.js"; Jest runs them as
 * require() of x.ts (tsconfig.jest.json compiles to CommonJS), after a turn of the event loop as a chunk would.
 */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: { warnOnly: false } }] },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/test/unit/**/*.test.tsx"],
};
