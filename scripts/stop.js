/**
 * `npm run stop`, as in Microsoft's template: with office-addin-debugging (Windows, macOS)
 * it stops the development server and removes the sideloaded add-in from desktop Excel;
 * otherwise it ends the webpack-dev-server that `npm start` started, by the process id
 * start.js kept, and nothing else.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const { root, PID_FILE, officeDebugging } = require("./devServer");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (officeDebugging()) {
  const r = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(r.status ?? 1);
}

const pid = fs.existsSync(PID_FILE) ? Number(fs.readFileSync(PID_FILE, "utf8")) : NaN;
if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
  fs.rmSync(PID_FILE, { force: true });
  console.log("No development server started by npm start is running.");
  process.exit(0);
}
process.kill(pid, "SIGTERM");
fs.rmSync(PID_FILE, { force: true });
console.log(`Stopped the development server (process ${pid}).`);
