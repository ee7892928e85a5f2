/**
 * Telling a worksheet of a model the tool does not score (the SPBE evaluation of
 * PermenPANRB 5/2018, 35 indicators) apart from one it does. Several of the older names
 * live on in SPBE 2020 ("Layanan Naskah Dinas"), so a few matching names prove nothing;
 * what tells the models apart is how many rows fit the older names clearly better.
 */
import { Framework } from "./framework";
import { matcherFor, similarity, tokens } from "./matching";

export interface OtherModel {
  id: string;
  shortName: string;
  regulation: string;
  indicatorCount: number;
  names: string[];
}

export interface OtherModelFit {
  model: OtherModel;
  /** rows whose name fits the other model clearly better than any scored framework */
  rows: number;
  /** rows whose name fits a scored framework at least as well */
  scoredRows: number;
}

const CLEARLY_BETTER = 0.1;
const CLOSE = 0.8;

/** A model's names, tokenised, with the names each token appears in. */
interface ModelRefs {
  refs: Set<string>[];
  byToken: Map<string, number[]>;
  /** text → best fit, since a long table repeats the same names */
  fits: Map<string, number>;
}

const REFS = new WeakMap<OtherModel, ModelRefs>();
const FIT_CACHE_LIMIT = 20000;

function refsOf(m: OtherModel): ModelRefs {
  let r = REFS.get(m);
  if (!r) {
    const refs = m.names.map(tokens);
    const byToken = new Map<string, number[]>();
    refs.forEach((ref, k) => {
      for (const t of ref) {
        const at = byToken.get(t) ?? [];
        if (!at.includes(k)) at.push(k);
        byToken.set(t, at);
      }
    });
    REFS.set(m, (r = { refs, byToken, fits: new Map() }));
  }
  return r;
}

/** How well a text fits the model's best name; a name sharing no word with it fits 0, so only those sharing one are compared. */
function otherFit(m: ModelRefs, text: string, written: Set<string>): number {
  const hit = m.fits.get(text);
  if (hit !== undefined) return hit;
  const near = new Set<number>();
  for (const t of written) for (const k of m.byToken.get(t) ?? []) near.add(k);
  let best = 0;
  for (const k of near) best = Math.max(best, similarity(written, m.refs[k]));
  if (m.fits.size >= FIT_CACHE_LIMIT) m.fits.clear();
  m.fits.set(text, best);
  return best;
}

/** How well a text fits the best indicator name of any scored framework (their matchers rank each text once). */
function scoredFit(frameworks: readonly Framework[], text: string): number {
  let best = 0;
  for (const f of frameworks) best = Math.max(best, matcherFor(f).closest(text)?.score ?? 0);
  return best;
}

/** The other model a table's names fit, when they fit it rather than any scored framework. */
export function otherModelFit(
  names: string[],
  models: readonly OtherModel[],
  frameworks: readonly Framework[],
): OtherModelFit | undefined {
  let best: OtherModelFit | undefined;
  for (const model of models) {
    const refs = refsOf(model);
    let rows = 0;
    let scoredRows = 0;
    for (const n of names) {
      const w = tokens(n);
      if (w.size === 0) continue;
      const other = otherFit(refs, n, w);
      const scored = scoredFit(frameworks, n);
      if (other >= CLOSE && other >= scored + CLEARLY_BETTER) rows++;
      else if (scored >= CLOSE && scored >= other) scoredRows++;
    }
    // A third of the older model's indicators, and more than fit the scored ones.
    if (rows >= Math.ceil(model.indicatorCount / 3) && rows > scoredRows && (!best || rows > best.rows))
      best = { model, rows, scoredRows };
  }
  return best;
}
