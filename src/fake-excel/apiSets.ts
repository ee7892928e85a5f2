/**
 * Which ExcelApi requirement set each member of the Excel JavaScript API belongs to,
 * from Microsoft's type definitions (apiSets.json, written by scripts/api-sets.ts), and
 * the fake's use of it: every member a fake class offers must be a real member of its
 * Excel class, and a member used above the fake Excel's version fails the round trip
 * with ApiNotFound, as Excel does.
 */
import TABLE from "./apiSets.json";

type Table = {
  source: string;
  classes: Record<string, Record<string, string>>;
  parameters: Record<string, Record<string, string[]>>;
};
const table = TABLE as Table;

/** The source of the table, e.g. "@types/office-js 1.0.612". */
export const API_SETS_SOURCE = table.source;

/** "1.9", or "online 1.1" / "desktop 1.1" / "beta" for members outside ExcelApi, or undefined for no such member. */
export function memberSet(type: string, member: string): string | undefined {
  return table.classes[type]?.[member];
}

/** The members a call uses: the method, and each parameter given that came in a later set than its method. */
export function membersOfCall(type: string, member: string, args: readonly unknown[] = []): string[] {
  const out = [member];
  const params = table.parameters[type]?.[member];
  if (params)
    params.forEach(
      (p, k) => args[k] !== undefined && memberSet(type, `${member}(${p})`) && out.push(`${member}(${p})`),
    );
  return out;
}

/** Names a fake class keeps for itself; they are not Excel members. */
const OWN = new Set([
  "constructor",
  "scalars",
  "navigation",
  "itemsOf",
  "applyLoad",
  "toJSON",
  "change",
  "style",
  "update",
  "lookup",
  "at",
]);

interface Touching {
  readonly context: { touch(type: string, member: string, args?: readonly unknown[]): void };
}

/**
 * Wraps every member of a fake class so its use is recorded and checked against the
 * table. `types` are the Excel classes the fake class stands for; a member that is not
 * in each of them is a mistake in the fake, reported when the module loads.
 */
export function enforceApiSets(cls: { prototype: object; name: string }, types: string[]): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (OWN.has(name)) continue;
    for (const t of types)
      if (memberSet(t, name) === undefined)
        throw new Error(`${cls.name}.${name} is not a member of Excel.${t} in ${API_SETS_SOURCE}`);
    const d = Object.getOwnPropertyDescriptor(proto, name)!;
    const wrap = (f: (...a: unknown[]) => unknown) =>
      function (this: Touching & { typeName: string }, ...args: unknown[]) {
        this.context.touch(this.typeName, name, args);
        return f.apply(this, args);
      };
    if (d.get) d.get = wrap(d.get);
    if (d.set) d.set = wrap(d.set as (...a: unknown[]) => unknown);
    if (typeof d.value === "function") d.value = wrap(d.value as (...a: unknown[]) => unknown);
    Object.defineProperty(proto, name, d);
  }
}
