/**
 * The command line with files people and hostile programs hand it: pipes, devices,
 * folders, zip bombs, OpenDocument, zips that are no workbook, workbooks open in Excel
 * or LibreOffice, symlinks, hard links, modes and owners, a closed pipe on stdout.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { cli, tempFolder } from "../../support/cli";
import { lyingBomb, ratioBomb } from "../../support/zipBombs";

const FIXTURE = path.join(__dirname, "../../fixtures/xlsx/standar-dua-kolom.xlsx");
const ROOT = path.join(__dirname, "../../..");
const tmp = tempFolder("spbe-files-");
// Zip bombs are built and a process started in some tests: slow on a busy machine.
jest.setTimeout(20000);

function copy(name: string, from = FIXTURE): string {
  const p = tmp.path(name);
  fs.copyFileSync(from, p);
  return p;
}

function siblings(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).filter((n) => n.includes(path.basename(file)) && n !== path.basename(file));
}

/** Messages for people: both languages, no JavaScript internals. */
function readable(err: string) {
  expect(err).toMatch(/ \/ /);
  expect(err).not.toMatch(/TypeError|ReferenceError|undefined|\bat [\w.]+ \(|Cannot read prop|ENOENT|EACCES/);
}

describe("files that are not workbooks", () => {
  test("a pipe is refused without being opened (it would block)", async () => {
    const fifo = tmp.path("pipa.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await cli("score", fifo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pipa \(FIFO\), bukan berkas biasa .* a pipe \(FIFO\), not a regular file/);
    readable(r.err);
  });

  // `score` takes a folder as a batch of its workbooks; `plan` works on one file.
  test.each([
    ["a folder", "plan", () => tmp.path(""), /adalah folder.*is a folder/],
    ["a device", "score", () => "/dev/zero", /perangkat.*a device/],
    ["a missing file", "score", () => tmp.path("tidak-ada.xlsx"), /tidak ada.*not found/],
  ])("%s", async (_, command, file, message) => {
    const r = await cli(command, file());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    readable(r.err);
  });

  test("OpenDocument: save it as .xlsx", async () => {
    const ods = tmp.path("lembar.ods");
    fs.writeFileSync(
      ods,
      zipSync({
        mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
        "content.xml": strToU8("<office:document-content/>"),
      }),
    );
    const r = await cli("score", ods);
    expect(r.err).toMatch(/OpenDocument \(\.ods\); simpan sebagai \.xlsx.*save it as \.xlsx/);
    readable(r.err);
  });

  test("a zip that is not a workbook, and a workbook missing its sheet", async () => {
    const zip = tmp.path("arsip.xlsx");
    fs.writeFileSync(zip, zipSync({ "catatan.txt": strToU8("halo") }));
    const r = await cli("score", zip);
    expect(r.err).toMatch(/bukan buku kerja Excel.*not an Excel workbook/);
    const parts = unzipSync(fs.readFileSync(FIXTURE));
    const sheet = Object.keys(parts).find((n) => n.startsWith("xl/worksheets/sheet"))!;
    delete parts[sheet];
    const broken = tmp.path("tanpa-lembar.xlsx");
    fs.writeFileSync(broken, zipSync(parts));
    const r2 = await cli("score", broken);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/tidak ada di dalam berkas.*is missing from the package/);
    readable(r.err + r2.err);
  });
});

describe("zip bombs are refused from what the zip declares", () => {
  test("a part compressed beyond any spreadsheet's ratio", async () => {
    const bomb = tmp.path("bom-rasio.xlsx");
    fs.writeFileSync(bomb, ratioBomb(16 * 1024 * 1024));
    const r = await cli("score", bomb);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tidak wajar.*dimampatkan \d+:1.*implausible.*compressed \d+:1/);
  });

  test("a part that declares a small size and expands far beyond it", async () => {
    const liar = tmp.path("bom-bohong.xlsx");
    fs.writeFileSync(liar, lyingBomb(16 * 1024 * 1024, 4096));
    const r = await cli("score", liar);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/lebih besar daripada yang dinyatakan.*larger than it declares/);
  });

  test("more parts than a workbook has", async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10000; i++) files[`x/${i}`] = new Uint8Array(0);
    const many = tmp.path("bom-bagian.xlsx");
    fs.writeFileSync(many, zipSync(files));
    const r = await cli("score", many);
    expect(r.err).toMatch(/10001 bagian.*10001 parts/);
  });
});

describe("--in-place", () => {
  test.each([["~$kunci-excel.xlsx"], [".~lock.kunci-lo.xlsx#"]])(
    "refused while %s says the file is open; nothing changed",
    async (lock) => {
      const name = lock.startsWith("~$") ? "kunci-excel.xlsx" : "kunci-lo.xlsx";
      const file = copy(name);
      fs.writeFileSync(tmp.path(lock), "");
      const before = fs.readFileSync(file);
      const r = await cli("score", file, "--in-place");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/sedang dibuka di Excel atau LibreOffice.*is open in Excel or LibreOffice/);
      expect(Buffer.compare(fs.readFileSync(file), before)).toBe(0);
      expect(siblings(file).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    },
  );

  test("keeps the file's mode and owner", async () => {
    const file = copy("mode.xlsx");
    fs.chmodSync(file, 0o640);
    const root = process.getuid?.() === 0;
    if (root) fs.chownSync(file, 1234, 2345);
    const r = await cli("score", file, "--in-place");
    expect(r.code).toBeLessThan(2);
    const st = fs.statSync(file);
    expect(st.mode & 0o777).toBe(0o640);
    if (root) expect([st.uid, st.gid]).toEqual([1234, 2345]);
    expect(siblings(file)).toEqual([]);
  });

  test("through a symlink: the target is written, the link stays a link", async () => {
    const target = copy("asli.xlsx");
    const link = tmp.path("tautan.xlsx");
    fs.symlinkSync(target, link);
    const before = fs.readFileSync(target);
    const r = await cli("score", link, "--in-place");
    expect(r.code).toBeLessThan(2);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(Buffer.compare(fs.readFileSync(target), before)).not.toBe(0);
    expect(fs.readFileSync(target).length).toBeGreaterThan(before.length);
  });

  test("a file with other hard links is refused, not split from them", async () => {
    const file = copy("keras.xlsx");
    fs.linkSync(file, tmp.path("keras-2.xlsx"));
    const r = await cli("score", file, "--in-place");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tautan keras.*hard links/);
  });

  test("an error while writing leaves no temporary file and the input untouched", async () => {
    const file = copy("galat.xlsx");
    const r = await cli("score", file, "--write", tmp.path("tidak-ada/keluaran.xlsx"));
    expect(r.code).toBe(2);
    readable(r.err);
    expect(siblings(file)).toEqual([]);
    expect(fs.readdirSync(tmp.path("")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the kind of file written", () => {
  test("a macro-enabled workbook is not written under an .xlsx name", async () => {
    const xlsm = path.join(__dirname, "../../fixtures/xlsx/rich/openpyxl-makro.xlsm");
    const r = await cli("score", xlsm, "--write", tmp.path("makro.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/berisi makro; simpan hasilnya sebagai \.xlsm.*contains macros/);
    expect((await cli("score", xlsm, "--write", tmp.path("makro.xlsm"))).code).toBeLessThan(2);
  });
});

test.each([["head -1"], ["true"]])(
  "`score … | %s` ends quietly when the reader goes away",
  (reader) => {
    const r = spawnSync(
      "bash",
      ["-c", `node --import tsx src/cli/main.ts score '${FIXTURE}' | ${reader}; echo "status \${PIPESTATUS[0]}"`],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.stdout).toMatch(/status [01]\n$/);
    expect(r.stderr).toBe("");
  },
  30000,
);
