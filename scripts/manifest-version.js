/* eslint-disable no-undef */
/**
 * The manifest's <Version> is the package's: "0.2.1" in package.json is "0.2.1.0" in
 * the built manifest.xml. Office caches an add-in's manifest and takes a changed one only
 * with a higher version, so every release raises package.json's "version" and the
 * manifest follows by itself. Used by webpack.config.js when it copies the manifest.
 */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(String(packageVersion));
  if (!m)
    throw new Error(
      `package.json "version" must start with three numbers (major.minor.patch), not "${packageVersion}"`,
    );
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The manifest's text with its one <Version> element set to `version`. */
function withVersion(xml, version) {
  const out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  if (out === xml && !xml.includes(`<Version>${version}</Version>`)) throw new Error("manifest.xml has no <Version>");
  return out;
}

module.exports = { manifestVersion, withVersion };
