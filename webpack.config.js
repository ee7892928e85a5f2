/* eslint-disable no-undef */
/**
 * Builds the add-in as Microsoft's React task-pane template does (taskpane.html +
 * taskpane.js, assets/, manifest.xml) into dist/, ready for any HTTPS server.
 *
 *   npm run build                    production build; manifest URLs point at ADDIN_URL,
 *                                    which it requires
 *   npm run build:localhost          the same build, its manifest left at https://localhost:3000/
 *                                    (tests, the workbench, CI; stamp it later with npm run stamp)
 *   npm start                        webpack-dev-server on https://localhost:3000
 *   webpack --env workbench          the browser workbench (fake Excel + sample grid)
 *                                    into dist-workbench/; never part of dist/
 * Source maps of a production build go to dist-maps/, never into dist/. Scripts of a
 * production build carry a hash of their content in their names (taskpane.1a2b3c4d.js),
 * so a browser or Office that cached the old ones fetches the new ones; the manifest's
 * <Version> is package.json's "version" (scripts/manifest-version.js).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { NormalModuleReplacementPlugin } = require("webpack");
const { manifestVersion, withVersion } = require("./scripts/manifest-version");
const { version } = require("./package.json");

/** The address the manifest is written for during development. */
const DEV_URL = "https://localhost:3000/";

/**
 * The deployment address, with one trailing slash. A production build without one would
 * ship a manifest that points every user at their own machine, so it is refused unless the
 * build says it means that (`--env localhost`).
 */
function addinUrl(env) {
  const url = process.env.ADDIN_URL;
  if (!url && env.localhost) return DEV_URL;
  if (!url)
    throw new Error(
      "ADDIN_URL is not set: a production build needs the HTTPS address dist/ will be served from, " +
        "e.g. ADDIN_URL=https://addin.example.go.id/spbe/ npm run build. " +
        "For a build addressed at https://localhost:3000/ say so: npm run build:localhost " +
        "(npm run stamp -- <URL> puts an address into it later).",
    );
  if (!/^https:\/\//.test(url))
    throw new Error(`ADDIN_URL must be an https:// address (Office loads add-ins over HTTPS only), not "${url}"`);
  return url.replace(/\/*$/, "/");
}

/** TypeScript for the browser: ES modules so webpack can drop the Fluent UI parts we do not import. */
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      configFile: path.resolve(__dirname, "tsconfig.json"),
      compilerOptions: { module: "es2020", moduleResolution: "bundler", target: "es2020", sourceMap: true },
    },
  },
};

/**
 * HTTPS for the dev server: Office's own development certificate when it is installed
 * (`npx office-addin-dev-certs install` puts it in ~/.office-addin-dev-certs), otherwise
 * webpack-dev-server's self-signed one, which a browser asks you to accept once.
 */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
    return { type: "https", options };
  }
  return "https";
}

/**
 * Writes dist-maps/chunks.json: the scripts of the first download, and for each chunk
 * fetched later (by the name its import() gives it) every script it needs, shared ones
 * included. `npm run bench` prints their sizes from it; it is not published.
 */
class ChunkMapPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("ChunkMapPlugin", (compilation) => {
      const scripts = (group) => [
        ...new Set(group.chunks.flatMap((c) => [...c.files].filter((f) => f.endsWith(".js")))),
      ];
      const map = { first: [], later: {} };
      for (const group of compilation.chunkGroups) {
        if (group.isInitial()) map.first.push(...scripts(group));
        else if (group.name) map.later[group.name] = scripts(group);
      }
      const dir = path.resolve(__dirname, "dist-maps");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "chunks.json"), JSON.stringify(map, null, 2) + "\n");
    });
  }
}

function taskpaneConfig(dev, env) {
  const url = dev ? DEV_URL : addinUrl(env);
  if (!dev) fs.rmSync(path.resolve(__dirname, "dist-maps"), { recursive: true, force: true });
  return {
    name: "taskpane",
    mode: dev ? "development" : "production",
    // dist/ is what a server ships: the source maps (the full TypeScript) go beside it, in
    // dist-maps/, unlinked from the scripts, for whoever debugs a production build.
    devtool: dev ? "eval-source-map" : "hidden-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      sourceMapFilename: "../dist-maps/[file].map",
      clean: true,
    },
    // TypeScript's node16 resolution wants "./x.js" in a dynamic import(); the file is x.ts(x).
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
        tsRule,
        // Our makeStyles compiled to CSS at build time, as Fluent's own components ship: the
        // first download then needs no style compiler (Griffel's runtime, stylis, rtl-css-js).
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          enforce: "post",
          use: {
            loader: "@griffel/webpack-loader",
            options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
          },
        },
      ],
    },
    plugins: [
      // Fluent's tokens object (467 CSS variable names spelled out) for one that makes each name on use.
      new NormalModuleReplacementPlugin(/^\.\/tokens\.js$/, (resource) => {
        if (/[\\/]@fluentui[\\/]tokens[\\/]lib$/.test(resource.context))
          resource.request = path.resolve(__dirname, "src/taskpane/fluentTokens.ts");
      }),
      ...(dev ? [] : [new ChunkMapPlugin()]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => {
              const xml = withVersion(content.toString(), manifestVersion(version));
              return Buffer.from(url === DEV_URL ? xml : xml.split(DEV_URL).join(url));
            },
          },
        ],
      }),
    ],
    performance: { hints: dev ? false : "warning", maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024 },
    devServer: {
      port: Number(process.env.PORT || 3000),
      server: httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: { warnings: false } },
    },
  };
}

function workbenchConfig() {
  return {
    name: "workbench",
    mode: "production",
    devtool: "source-map",
    entry: { workbench: "./src/workbench/workbench.ts", "fake-office": "./src/workbench/fakeOffice.ts" },
    output: { path: path.resolve(__dirname, "dist-workbench"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = (env = {}, argv = {}) => {
  if (env.workbench) return workbenchConfig();
  return taskpaneConfig(argv.mode === "development", env);
};
