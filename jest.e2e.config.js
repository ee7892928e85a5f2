/** Slower checks against real programs: LibreOffice recalculating our workbooks, Chromium running the task pane. */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
  testTimeout: 180000,
};
