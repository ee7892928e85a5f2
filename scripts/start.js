/**
 * `npm start`, the Office convention where the machine allows it: on Windows and macOS
 * with `office-addin-debugging` installed (npm i -D office-addin-debugging), it serves
 * the pane and sideloads manifest.xml into desktop Excel. Otherwise it serves the pane
 * over HTTPS at https://localhost:3000 (`npm run dev-server`) and says how to sideload.
 * `npm run stop` (scripts/stop.js) ends either.
 */
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const { root, PID_FILE, officeDebugging } = require("./devServer");

function run(cmd, args, { shell = false, pidFile } = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: "inherit", shell });
  if (pidFile) {
    fs.mkdirSync(path.dirname(pidFile), { recursive: true });
    fs.writeFileSync(pidFile, String(child.pid));
  }
  child.on("exit", (code) => {
    if (pidFile) fs.rmSync(pidFile, { force: true });
    process.exit(code ?? 0);
  });
}

if (officeDebugging()) {
  run("npx", ["office-addin-debugging", "start", "manifest.xml"], { shell: process.platform === "win32" });
} else {
  const desktopExcel = process.platform === "win32" || process.platform === "darwin";
  console.log(
    "Serving the task pane at https://localhost:3000/taskpane.html (development build); npm run stop ends it.",
  );
  console.log("Sideload manifest.xml in Excel on the web: Home › Add-ins › More add-ins › Upload my add-in.");
  if (desktopExcel)
    console.log("For desktop Excel: npm i -D office-addin-debugging, then npm start sideloads it for you.");
  run(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js", { paths: [root] }), "serve", "--mode", "development"],
    { pidFile: PID_FILE },
  );
}
