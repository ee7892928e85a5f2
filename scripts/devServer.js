/**
 * What `npm start` and `npm run stop` share: where the development server's process id is
 * kept while it runs, and whether Microsoft's office-addin-debugging is installed (it then
 * starts the server and sideloads the add-in into desktop Excel, and stops both).
 */
const path = require("path");

const root = path.join(__dirname, "..");

/** The id of the webpack-dev-server `npm start` started, while it runs. */
const PID_FILE = path.join(root, "node_modules", ".cache", "spbe-index", "dev-server.pid");

function resolvable(name) {
  try {
    require.resolve(`${name}/package.json`, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

/** Desktop Excel runs on Windows and macOS only; there office-addin-debugging can sideload. */
function officeDebugging() {
  return (process.platform === "win32" || process.platform === "darwin") && resolvable("office-addin-debugging");
}

module.exports = { root, PID_FILE, officeDebugging };
