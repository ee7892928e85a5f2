/**
 * Recognising an indicator from what a template writes in its number and name cells.
 * Token sets are prepared once per framework so a long sheet costs one pass.
 */
import { Framework, Group, Indicator } from "./framework";
import { CellValue, isCellError } from "./grid";
import { normalize } from "./headers";

const STOP = new Set(["tingkat", "kematangan", "the", "of", "and", "dan", "yang", "di", "untuk", "pada", "on", "in", "a", "domain", "aspek", "aspect", "indikator", "indicator"]);

export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of normalize(text).split(" ")) if (t && !STOP.has(t)) out.add(t);
  return out;
}

/** How well a written name fits a reference name, 0..1: mostly "is what they wrote in it". */
export function similarity(written: Set<string>, reference: Set<string>): number {
  if (written.size === 0 || reference.size === 0) return 0;
  let common = 0;
  for (const t of written) if (reference.has(t)) common++;
  const containment = common / written.size;
  const jaccard = common / (written.size + reference.size - common);
  return 0.7 * containment + 0.3 * jaccard;
}

export interface FrameworkMatcher {
  framework: Framework;
  idFromCode(v: CellValue): number | undefined;
  /** true when the code has a form only this framework uses ("I5", "3.1") */
  distinctiveCode(v: CellValue): boolean;
  nameScore(text: string, id: number): number;
  bestByName(text: string): { id: number; score: number } | undefined;
  groupScore(text: string): number;
}

function namesOf(i: Indicator): Set<string>[] {
  return [i.name, i.en, ...i.altNames].map(tokens);
}

export function matcherFor(framework: Framework): FrameworkMatcher {
  const indicatorTokens = new Map<number, Set<string>[]>(framework.indicators.map((i) => [i.id, namesOf(i)]));
  const groupTokens = [...framework.domains, ...framework.aspects].flatMap((g: Group) => [tokens(g.name), tokens(g.en)]);
  const altCode = new Map<string, number>();
  for (const i of framework.indicators) for (const c of i.altCodes) altCode.set(c, i.id);
  const codePrefix = framework.indicators.map((i) => /^([A-Za-z]+)\d+$/.exec(i.code)?.[1]).find((p) => p);
  const codeRe = new RegExp(`^(?:${codePrefix ?? ""}|${codePrefix ? "" : "#"})?\\s*(\\d{1,3})\\.?$`, "i");

  function score(text: string, id: number): number {
    const w = tokens(text);
    let best = 0;
    for (const ref of indicatorTokens.get(id) ?? []) best = Math.max(best, similarity(w, ref));
    return best;
  }

  return {
    framework,
    idFromCode(v) {
      if (v === null || typeof v === "boolean" || isCellError(v)) return undefined;
      const text = String(v).trim();
      const alt = altCode.get(text);
      if (alt !== undefined) return alt;
      const m = codeRe.exec(text) ?? /^(?:indikator|indicator|ind\.?)\s*(\d{1,3})$/i.exec(text);
      if (!m) return undefined;
      const id = Number(m[1]);
      return framework.byId.has(id) ? id : undefined;
    },
    distinctiveCode(v) {
      if (v === null || typeof v === "boolean" || isCellError(v)) return false;
      const text = String(v).trim();
      if (altCode.has(text)) return true;
      return codePrefix !== undefined && new RegExp(`^${codePrefix}\\s*\\d+$`, "i").test(text);
    },
    nameScore: score,
    bestByName(text) {
      const w = tokens(text);
      if (w.size === 0) return undefined;
      let best: { id: number; score: number } | undefined;
      let second = 0;
      for (const [id, refs] of indicatorTokens) {
        let s = 0;
        for (const ref of refs) s = Math.max(s, similarity(w, ref));
        if (!best || s > best.score) {
          second = best?.score ?? 0;
          best = { id, score: s };
        } else if (s > second) second = s;
      }
      // A name must fit one indicator clearly better than any other.
      if (!best || best.score < 0.6 || best.score - second < 0.05) return undefined;
      return best;
    },
    groupScore(text) {
      const w = tokens(text);
      let best = 0;
      for (const g of groupTokens) best = Math.max(best, similarity(w, g));
      return best;
    },
  };
}
