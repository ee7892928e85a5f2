/**
 * LibreOffice headless, set to recalculate every formula when it loads a file, so what
 * it saves is what a colleague without the add-in sees.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function makeProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return dir;
}

/**
 * Opens `file` in LibreOffice and saves it as .xlsx into `outDir`; with a profile from
 * `makeProfile` every formula is recalculated on the way.
 */
export function recalculate(file: string, outDir: string, profile: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120000 },
  );
  const out = path.join(outDir, path.basename(file, path.extname(file)) + ".xlsx");
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote nothing for ${file}`);
  return out;
}

export function setCells(src: string, dst: string, sheet: string, cells: Record<string, number>): void {
  execFileSync(
    "/usr/bin/python3",
    [path.join(__dirname, "set_cells.py"), src, dst, sheet, ...Object.entries(cells).map(([k, v]) => `${k}=${v}`)],
    { stdio: "pipe" },
  );
}

/** Opens every file in one LibreOffice run and saves each as .xlsx into `outDir` (same base names). */
export function convertAll(files: string[], outDir: string, profile: string): void {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 600000 },
  );
}
