/**
 * Recognising an indicator from what a template writes in its number and name cells.
 * Token sets are prepared once per framework so a long sheet costs one pass.
 */
import { Framework, Group, Indicator } from "./framework";
import { CellValue, isCellError } from "./grid";
import { normalize } from "./headers";

const STOP = new Set([
  "tingkat",
  "kematangan",
  "the",
  "of",
  "and",
  "dan",
  "yang",
  "di",
  "untuk",
  "pada",
  "on",
  "in",
  "a",
  "domain",
  "aspek",
  "aspect",
  "indikator",
  "indicator",
]);

// Templates repeat the same names on every row and every candidate header; tokenise once.
const TOKEN_CACHE = new Map<string, Set<string>>();
const TOKEN_CACHE_LIMIT = 20000;

export function tokens(text: string): Set<string> {
  const hit = TOKEN_CACHE.get(text);
  if (hit) return hit;
  const out = new Set<string>();
  for (const t of normalize(text).split(" ")) if (t && !STOP.has(t)) out.add(t);
  if (TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(text, out);
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
  /** true when the value is written as an indicator code ("I5", "1.1", "IK-01", "Ind. 01"), not a bare number */
  isCode(v: CellValue): boolean;
  nameScore(text: string, id: number): number;
  bestByName(text: string): { id: number; score: number } | undefined;
  /** the indicator whose name, alternative name or English name is exactly this text */
  exactName(text: string): number | undefined;
  /** true when the text is exactly a domain's or an aspect's name */
  isGroupName(text: string): boolean;
  /** the best-fitting indicator even when another fits almost as well */
  closest(text: string): { id: number; score: number } | undefined;
  groupScore(text: string): number;
}

function namesOf(i: Indicator): Set<string>[] {
  return [i.name, i.en, ...i.altNames].map(tokens);
}

const MATCHERS = new WeakMap<Framework, FrameworkMatcher>();

interface Ranked {
  best?: { id: number; score: number };
  second: number;
}

/** One matcher per framework, prepared once. */
export function matcherFor(framework: Framework): FrameworkMatcher {
  let m = MATCHERS.get(framework);
  if (!m) MATCHERS.set(framework, (m = buildMatcher(framework)));
  return m;
}

function buildMatcher(framework: Framework): FrameworkMatcher {
  const indicatorTokens = new Map<number, Set<string>[]>(framework.indicators.map((i) => [i.id, namesOf(i)]));
  // token → indicators whose names hold it: a written name is compared only with those
  const byToken = new Map<string, number[]>();
  for (const [id, refs] of indicatorTokens) {
    for (const ref of refs) {
      for (const t of ref) {
        const ids = byToken.get(t) ?? [];
        if (!ids.includes(id)) ids.push(id);
        byToken.set(t, ids);
      }
    }
  }
  const groupTokens = [...framework.domains, ...framework.aspects].flatMap((g: Group) => [
    tokens(g.name),
    tokens(g.en),
  ]);
  const altCode = new Map<string, number>();
  for (const i of framework.indicators) for (const c of i.altCodes) altCode.set(c, i.id);
  const codePrefix = framework.indicators.map((i) => /^([A-Za-z]+)\d+$/.exec(i.code)?.[1]).find((p) => p);
  const prefixed = codePrefix === undefined ? undefined : new RegExp(`^${codePrefix}K?[\\s.-]*\\d+$`, "i");
  const codeRe = new RegExp(`^(?:${codePrefix ? `${codePrefix}[\\s.-]*|` : ""}#\\s*)?(\\d{1,3})\\.?$`, "i");
  // Codes any template may write, whatever the framework: "IK-01", "Ind. 01", "Indikator 1".
  const wordCode = /^(?:ik|ind\.?|indikator|indicator)[\s.-]*(\d{1,3})$/i;

  // Full names, stop words included: "Tingkat Kematangan Keamanan Pemerintah Digital" is an
  // indicator even where an aspect carries the same words without "Tingkat Kematangan".
  const exact = new Map<string, number | null>();
  for (const i of framework.indicators) {
    for (const n of [i.name, i.en, ...i.altNames]) {
      const k = normalize(n);
      exact.set(k, exact.has(k) && exact.get(k) !== i.id ? null : i.id);
    }
  }
  const groupNames = new Set(
    [...framework.domains, ...framework.aspects].flatMap((g) => [normalize(g.name), normalize(g.en)]),
  );
  for (const n of groupNames) exact.set(n, null);

  // A long table asks how each of its few names fits the same indicators again and again.
  const scoreCache = new Map<string, Map<number, number>>();
  function score(text: string, id: number): number {
    let byId = scoreCache.get(text);
    const hit = byId?.get(id);
    if (hit !== undefined) return hit;
    const w = tokens(text);
    let best = 0;
    for (const ref of indicatorTokens.get(id) ?? []) best = Math.max(best, similarity(w, ref));
    if (!byId) {
      if (scoreCache.size >= TOKEN_CACHE_LIMIT) scoreCache.clear();
      scoreCache.set(text, (byId = new Map()));
    }
    byId.set(id, best);
    return best;
  }

  const exactCache = new Map<string, { id?: number; group: boolean }>();
  function exactOf(text: string): { id?: number; group: boolean } {
    let e = exactCache.get(text);
    if (!e) {
      const k = normalize(text);
      if (exactCache.size >= TOKEN_CACHE_LIMIT) exactCache.clear();
      exactCache.set(text, (e = { id: exact.get(k) ?? undefined, group: groupNames.has(k) }));
    }
    return e;
  }

  // Rows repeat the same names (and every header reading scans them again): rank each text once.
  const rankedCache = new Map<string, Ranked>();
  const groupCache = new Map<string, number>();
  function ranked(text: string): Ranked {
    let r = rankedCache.get(text);
    if (!r) {
      if (rankedCache.size >= TOKEN_CACHE_LIMIT) rankedCache.clear();
      rankedCache.set(text, (r = rank(text)));
    }
    return r;
  }

  function rank(text: string): Ranked {
    const w = tokens(text);
    let best: { id: number; score: number } | undefined;
    let second = 0;
    if (w.size === 0) return { second };
    const near = new Set<number>();
    for (const t of w) for (const id of byToken.get(t) ?? []) near.add(id);
    for (const id of near) {
      let s = 0;
      for (const ref of indicatorTokens.get(id)!) s = Math.max(s, similarity(w, ref));
      if (!best || s > best.score) {
        second = best?.score ?? 0;
        best = { id, score: s };
      } else if (s > second) second = s;
    }
    return { best, second };
  }

  return {
    framework,
    idFromCode(v) {
      if (v === null || typeof v === "boolean" || isCellError(v)) return undefined;
      const text = String(v).trim();
      const alt = altCode.get(text);
      if (alt !== undefined) return alt;
      const m = codeRe.exec(text) ?? wordCode.exec(text);
      if (!m) return undefined;
      const id = Number(m[1]);
      return framework.byId.has(id) ? id : undefined;
    },
    distinctiveCode(v) {
      if (v === null || typeof v === "boolean" || isCellError(v)) return false;
      const text = String(v).trim();
      if (altCode.has(text)) return true;
      return prefixed !== undefined && prefixed.test(text);
    },
    isCode(v) {
      if (typeof v !== "string") return false;
      const text = v.trim();
      return altCode.has(text) || wordCode.test(text) || (prefixed !== undefined && prefixed.test(text));
    },
    nameScore: score,
    bestByName(text) {
      const c = ranked(text);
      // A name must fit one indicator clearly better than any other.
      if (!c.best || c.best.score < 0.6 || c.best.score - c.second < 0.05) return undefined;
      return c.best;
    },
    exactName(text) {
      return exactOf(text).id;
    },
    isGroupName(text) {
      return exactOf(text).group;
    },
    closest(text) {
      return ranked(text).best;
    },
    groupScore(text) {
      const hit = groupCache.get(text);
      if (hit !== undefined) return hit;
      const w = tokens(text);
      let best = 0;
      for (const g of groupTokens) best = Math.max(best, similarity(w, g));
      if (groupCache.size >= TOKEN_CACHE_LIMIT) groupCache.clear();
      groupCache.set(text, best);
      return best;
    },
  };
}
