/**
 * Telling a worksheet of a model the tool does not score (the SPBE evaluation of
 * PermenPANRB 5/2018, 35 indicators) apart from one it does. Several of the older names
 * live on in SPBE 2020 ("Layanan Naskah Dinas"), so a few matching names prove nothing;
 * what tells the models apart is how many rows fit the older names clearly better.
 */
import { Framework } from "./framework";
import { similarity, tokens } from "./matching";

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

function bestOf(written: Set<string>, refs: Set<string>[]): number {
  let best = 0;
  for (const r of refs) best = Math.max(best, similarity(written, r));
  return best;
}

const REFS = new WeakMap<OtherModel, Set<string>[]>();

function refsOf(m: OtherModel): Set<string>[] {
  let r = REFS.get(m);
  if (!r) REFS.set(m, (r = m.names.map(tokens)));
  return r;
}

/** The other model a table's names fit, when they fit it rather than any scored framework. */
export function otherModelFit(
  names: string[],
  models: readonly OtherModel[],
  frameworks: readonly Framework[],
): OtherModelFit | undefined {
  const scoredRefs = frameworks.flatMap((f) => f.indicators.flatMap((i) => [i.name, i.en, ...i.altNames].map(tokens)));
  let best: OtherModelFit | undefined;
  for (const model of models) {
    const refs = refsOf(model);
    let rows = 0;
    let scoredRows = 0;
    for (const n of names) {
      const w = tokens(n);
      if (w.size === 0) continue;
      const other = bestOf(w, refs);
      const scored = bestOf(w, scoredRefs);
      if (other >= CLOSE && other >= scored + CLEARLY_BETTER) rows++;
      else if (scored >= CLOSE && scored >= other) scoredRows++;
    }
    // A third of the older model's indicators, and more than fit the scored ones.
    if (rows >= Math.ceil(model.indicatorCount / 3) && rows > scoredRows && (!best || rows > best.rows))
      best = { model, rows, scoredRows };
  }
  return best;
}
