/**
 * npm's `prepare`: builds the command line's lib/ from src/ with the checkout's own
 * TypeScript. npm runs it after `npm ci` in a checkout, in `npm pack` (after `prepack` has
 * removed the old lib/) and when the package is installed from git. A checkout installed
 * with `npm ci --omit=dev` has no compiler: it is said and skipped, except while packing,
 * where a package without lib/ would be broken.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");

if (!fs.existsSync(tsc)) {
  const packing = ["pack", "publish"].includes(process.env.npm_command ?? "");
  console.error(
    `lib/ is not built: TypeScript is not installed here (npm ci --omit=dev?); ${packing ? "the package would have no lib/" : "run npm ci, then npm run build:cli"}.`,
  );
  process.exit(packing ? 1 : 0);
}
const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], {
  cwd: root,
  stdio: "inherit",
});
process.exit(r.status ?? 1);
