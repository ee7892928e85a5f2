/**
 * `npm start`, the Office convention where the machine allows it: on Windows and macOS
 * with `office-addin-debugging` installed (npm i -D office-addin-debugging), it serves
 * the pane and sideloads manifest.xml into desktop Excel. Otherwise it serves the pane
 * over HTTPS at https://localhost:3000 (`npm run dev-server`) and says how to sideload.
 */
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");

function resolvable(name) {
  try {
    require.resolve(`${name}/package.json`, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
}

const desktopExcel = process.platform === "win32" || process.platform === "darwin";
if (desktopExcel && resolvable("office-addin-debugging")) {
  run("npx", ["office-addin-debugging", "start", "manifest.xml"]);
} else {
  console.log("Serving the task pane at https://localhost:3000/taskpane.html (development build).");
  console.log("Sideload manifest.xml in Excel on the web: Home › Add-ins › More add-ins › Upload my add-in.");
  if (desktopExcel)
    console.log("For desktop Excel: npm i -D office-addin-debugging, then npm start sideloads it for you.");
  run(process.execPath, [
    require.resolve("webpack-cli/bin/cli.js", { paths: [root] }),
    "serve",
    "--mode",
    "development",
  ]);
}
