#!/usr/bin/env node
/**
 * `npm run stamp -- <URL> [FOLDER]`, or `node stamp-url.js <URL>` inside the release
 * archive: puts the address the add-in is served from into an already built add-in's
 * manifests (manifest.xml and manifest.test.xml), so one build can be hosted anywhere.
 * The address the manifest held before, whatever it was (https://localhost:3000/ or an
 * earlier stamp), is read from its SourceLocation and replaced everywhere; the scripts
 * and the page use relative addresses and need nothing. Plain Node, no packages, so it
 * runs from the archive as well as from a checkout.
 */
"use strict";
const fs = require("fs");
const path = require("path");

class StampError extends Error {}

/** The address as a folder: https only, one trailing slash, no query or fragment. */
function folderUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new StampError(`bukan alamat: "${text}" / not an address: "${text}"`);
  }
  if (url.protocol !== "https:")
    throw new StampError(
      `alamat harus https:// (Office memuat add-in hanya lewat HTTPS): ${text}` +
        ` / the address must be https:// (Office loads add-ins over HTTPS only): ${text}`,
    );
  if (url.search || url.hash || url.username || url.password)
    throw new StampError(
      `alamat folder tanpa ?, # atau nama pengguna: ${text} / a folder address without ?, # or user name: ${text}`,
    );
  return url.href.replace(/\/*$/, "/");
}

/** The folder address a manifest is written for: its SourceLocation without "taskpane.html". */
function currentBase(xml) {
  const m = /<SourceLocation\s+DefaultValue="([^"]+)\/taskpane\.html"/.exec(xml);
  return m ? `${m[1]}/` : undefined;
}

const xmlAttribute = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Stamps `url` into the manifests in `folder`; returns one line per manifest. */
function stamp(url, folder) {
  const base = folderUrl(url);
  const manifests = ["manifest.xml", "manifest.test.xml"].map((f) => path.join(folder, f)).filter(fs.existsSync);
  if (manifests.length === 0)
    throw new StampError(
      `tidak ada manifest.xml di ${folder}; bangun dulu (npm run build:localhost) / no manifest.xml in ${folder}; build first (npm run build:localhost)`,
    );
  return manifests.map((file) => {
    const xml = fs.readFileSync(file, "utf8");
    const old = currentBase(xml);
    if (!old)
      throw new StampError(
        `${file}: SourceLocation …/taskpane.html tidak ditemukan / ${file}: no SourceLocation …/taskpane.html found`,
      );
    const count = xml.split(old).length - 1;
    const next = xml.split(old).join(xmlAttribute(base));
    fs.writeFileSync(file, next);
    return `${path.relative(process.cwd(), file) || file}: ${old} → ${base} (${count})`;
  });
}

/** The release archive holds this script beside manifest.xml; a checkout keeps it in scripts/, beside dist/. */
function defaultFolder() {
  return fs.existsSync(path.join(__dirname, "manifest.xml")) ? __dirname : path.join(__dirname, "..", "dist");
}

function main(argv) {
  const [url, folder = defaultFolder(), ...more] = argv;
  if (!url || url === "-h" || url === "--help" || more.length) {
    console.error("Pemakaian / Usage: node stamp-url.js https://server/folder/ [FOLDER]");
    return url === "-h" || url === "--help" ? 0 : 2;
  }
  try {
    for (const line of stamp(url, folder)) console.log(line);
    return 0;
  } catch (e) {
    if (e instanceof StampError) {
      console.error(`stamp-url: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

module.exports = { stamp, folderUrl, currentBase, StampError };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
