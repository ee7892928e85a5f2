/**
 * The national case's workbooks: `national.py` writes them with openpyxl and a manifest
 * of what each says and its exact index. Shared by the bench and the end-to-end test.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const PYTHON = "/usr/bin/python3";

export interface ManifestEntry {
  /** path inside the folder */
  file: string;
  /** cut short: no longer a workbook */
  unreadable?: boolean;
  framework?: string;
  agency?: string;
  year?: number;
  /** the level columns in order, with the index worked out exactly in Python (null when not every level is there) */
  columns?: { column: string; header: string; index: number | null; status?: string }[];
}

export function openpyxlAvailable(): boolean {
  return fs.existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
}

/** Writes `count` workbooks under `folder` and returns the manifest. */
export function writeNationalWorkbooks(count: number, folder: string): ManifestEntry[] {
  execFileSync(PYTHON, [path.join(__dirname, "national.py"), String(count), folder]);
  return JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8")) as ManifestEntry[];
}
