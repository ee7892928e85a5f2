/**
 * `npm run manifest:test`: after `npm run build`, writes dist/manifest.test.xml, the same
 * add-in under its own Id and name ("Indeks SPBE (uji)" / "SPBE Index (test)"), so a
 * tester can install a test build beside the production one. Uses Microsoft's
 * office-addin-manifest, then prints what Office will read from both manifests.
 */
import * as fs from "fs";
import * as path from "path";
import { OfficeAddinManifest } from "office-addin-manifest";

const DIST = path.join(__dirname, "..", "dist");
/** Fixed, so installing a newer test build replaces the older one instead of adding another. */
export const TEST_ID = "3c9e7d21-5b4a-4f68-8e1d-7a2b9c0f4e15";

async function main(): Promise<void> {
  const prod = path.join(DIST, "manifest.xml");
  const test = path.join(DIST, "manifest.test.xml");
  if (!fs.existsSync(prod)) throw new Error("dist/manifest.xml is missing: run npm run build first");
  fs.copyFileSync(prod, test);
  await OfficeAddinManifest.modifyManifestFile(test, TEST_ID, "SPBE Index (test)");
  // modify changes the default name only; the Indonesian name and the ribbon's labels must differ too.
  let xml = fs.readFileSync(test, "utf8");
  const rename = (pattern: RegExp, what: string) => {
    const next = xml.replace(
      pattern,
      (_m, open: string, en: string, mid: string, id: string, close: string) =>
        `${open}${en} (test)${mid}${id} (uji)${close}`,
    );
    if (next === xml) throw new Error(`${what} was not found in the manifest`);
    xml = next;
  };
  xml = xml.replace(/(<DisplayName\b[^>]*>\s*<Override Locale="id-ID" Value=")[^"]*(")/, "$1Indeks SPBE (uji)$2");
  for (const id of ["Group.Label", "Button.Label"]) {
    rename(
      new RegExp(
        `(<bt:String id="${id.replace(".", "\\.")}" DefaultValue=")([^"]*)(">\\s*<bt:Override Locale="id-ID" Value=")([^"]*)(")`,
      ),
      `the ribbon label ${id}`,
    );
  }
  fs.writeFileSync(test, xml);
  for (const file of [prod, test]) {
    const info = await OfficeAddinManifest.readManifestFile(file);
    console.log(
      `${path.relative(process.cwd(), file)}: ${info.displayName} (${info.id}), ${info.defaultSettings?.sourceLocation}`,
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
