/**
 * Writes src/fake-excel/apiSets.json: for every member of every class in the Excel
 * JavaScript API, the requirement set Microsoft's type definitions name for it
 * (`[Api set: ExcelApi 1.x]` in @types/office-js), and for parameters that came later
 * than their method, the parameter's own set. The strict fake Excel refuses a member
 * above its Excel's version with ApiNotFound, as Excel does.
 *
 *   npx tsx scripts/api-sets.ts           refresh after updating @types/office-js
 *   npx tsx scripts/api-sets.ts --check   fail when the checked-in table is out of date
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const TYPES = path.join(ROOT, "node_modules/@types/office-js");
const OUT = path.join(ROOT, "src/fake-excel/apiSets.json");

/** "1.9" for ExcelApi; "online 1.1", "desktop 1.1" or "beta" for sets that are not part of ExcelApi. */
function setOf(text: string): string | undefined {
  const m = /\[Api set: (ExcelApi(?:Online|Desktop)?) (BETA[^\]]*|[\d.]+)[^\]]*\]/.exec(text);
  if (!m) return undefined;
  if (/^BETA/.test(m[2])) return "beta";
  return m[1] === "ExcelApi" ? m[2] : `${m[1] === "ExcelApiOnline" ? "online" : "desktop"} ${m[2]}`;
}

/** Lower of two sets: a member with overloads is available as soon as one of them is. */
function lower(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  const num = (s: string) => (/^[\d.]+$/.test(s) ? s.split(".").map(Number) : undefined);
  const x = num(a);
  const y = num(b);
  if (!x) return y ? b : a;
  if (!y) return a;
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    if ((x[k] ?? 0) !== (y[k] ?? 0)) return (x[k] ?? 0) < (y[k] ?? 0) ? a : b;
  }
  return a;
}

function comment(full: string, node: ts.Node): string {
  return (ts.getLeadingCommentRanges(full, node.pos) ?? []).map((r) => full.slice(r.pos, r.end)).join("\n");
}

export interface ApiSetTable {
  source: string;
  /** class → member → set; "" is the class itself; "method(param)" a parameter added later than its method */
  classes: Record<string, Record<string, string>>;
  /** class → method → its parameters in order, for methods with a parameter of its own set */
  parameters: Record<string, Record<string, string[]>>;
}

export function buildTable(): ApiSetTable {
  const version = JSON.parse(fs.readFileSync(path.join(TYPES, "package.json"), "utf8")).version as string;
  const full = fs.readFileSync(path.join(TYPES, "index.d.ts"), "utf8");
  const file = ts.createSourceFile("index.d.ts", full, ts.ScriptTarget.Latest, false);
  const table: ApiSetTable = { source: `@types/office-js ${version}`, classes: {}, parameters: {} };
  for (const st of file.statements) {
    if (!ts.isModuleDeclaration(st) || st.name.getText(file) !== "Excel" || !st.body || !ts.isModuleBlock(st.body))
      continue;
    for (const decl of st.body.statements) {
      if (!ts.isClassDeclaration(decl) || !decl.name) continue;
      const cls = decl.name.text;
      const members: Record<string, string> = {};
      const own = setOf(comment(full, decl));
      if (own) members[""] = own;
      for (const m of decl.members) {
        if (!m.name || !(ts.isPropertyDeclaration(m) || ts.isMethodDeclaration(m) || ts.isGetAccessor(m))) continue;
        const name = m.name.getText(file);
        const text = comment(full, m);
        const [remarks, ...params] = text.split(/@param /);
        const set = setOf(remarks);
        if (!set) continue;
        members[name] = lower(members[name], set);
        if (!ts.isMethodDeclaration(m)) continue;
        for (const p of params) {
          const pname = /^(\w+)/.exec(p)?.[1];
          const pset = pname && setOf(p);
          if (!pname || !pset || pset === set) continue;
          const key = `${name}(${pname})`;
          members[key] = members[key] === undefined ? pset : lower(members[key], pset);
          const order = m.parameters.map((x) => x.name.getText(file));
          (table.parameters[cls] ??= {})[name] = order;
        }
      }
      if (Object.keys(members).length)
        table.classes[cls] = Object.fromEntries(
          Object.entries(members).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
    }
  }
  table.classes = Object.fromEntries(Object.entries(table.classes).sort(([a], [b]) => (a < b ? -1 : 1)));
  return table;
}

function main(): void {
  const text = JSON.stringify(buildTable(), null, 1) + "\n";
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
    if (current !== text) {
      console.error(
        `${path.relative(ROOT, OUT)} is out of date with @types/office-js: run npx tsx scripts/api-sets.ts`,
      );
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT)} matches @types/office-js`);
    return;
  }
  fs.writeFileSync(OUT, text);
  const t = JSON.parse(text) as ApiSetTable;
  console.log(
    `${path.relative(ROOT, OUT)}: ${Object.keys(t.classes).length} classes, ${Object.values(t.classes).reduce((n, c) => n + Object.keys(c).length, 0)} members (${t.source})`,
  );
}

if (require.main === module) main();
