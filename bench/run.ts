/** `npm run bench`: prints speed and size figures. Never a pass/fail test. */
import * as fs from "fs";
import * as path from "path";
import { benchCore } from "./core";

type Section = { title: string; file: string; fn: string };

const SECTIONS: Section[] = [
  { title: "Path to target", file: "tools", fn: "benchTools" },
  { title: "Excel host (strict fake)", file: "excel", fn: "benchExcel" },
  { title: ".xlsx files (command line)", file: "xlsx", fn: "benchXlsx" },
  { title: "Task pane", file: "taskpane", fn: "benchTaskpane" },
  { title: "National batch (615 workbooks)", file: "batch", fn: "benchBatch" },
];

async function main() {
  console.log("== Core ==");
  for (const l of benchCore()) console.log("  " + l);
  for (const s of SECTIONS) {
    if (!fs.existsSync(path.join(__dirname, `${s.file}.ts`))) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(`./${s.file}`) as Record<string, () => Promise<string[]> | string[]>;
    console.log(`== ${s.title} ==`);
    for (const l of await mod[s.fn]()) console.log("  " + l);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
