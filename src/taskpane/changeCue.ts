/**
 * After a level changes, the new index shows how far it moved ("▲ 0,04") for a few
 * seconds, and the screen-reader live region says the new index and predicate. The
 * comparison is pure (tested on its own); the hook only remembers and forgets.
 */
import { useEffect, useRef, useState } from "react";
import { formatUnits } from "./format";
import { Strings } from "./i18n";
import { PaneView } from "./view";

/** How long the change stays on the card. */
export const CUE_MS = 6000;

export interface IndexChange {
  direction: "up" | "down";
  /** "▲ 0,04" */
  text: string;
}

export interface ChangeCues {
  /** by `${table key}|${column}` */
  cues: Record<string, IndexChange>;
  /** one sentence per column whose index moved or stopped being computable */
  announcement: string;
}

type Indices = Map<string, number | null>;

export function cueKey(table: string, column: string): string {
  return `${table}|${column}`;
}

export function indicesOf(view: PaneView | null): Indices {
  const out: Indices = new Map();
  for (const t of view?.tables ?? []) for (const a of t.assessments) out.set(cueKey(t.key, a.key), a.indexUnits);
  return out;
}

/** What moved between two readings of the same workbook; nothing on the first reading. */
export function compareIndices(before: Indices, view: PaneView, s: Strings): ChangeCues {
  const cues: Record<string, IndexChange> = {};
  const said: string[] = [];
  for (const t of view.tables) {
    for (const a of t.assessments) {
      const key = cueKey(t.key, a.key);
      if (!before.has(key)) continue;
      const was = before.get(key)!;
      const now = a.indexUnits;
      if (was === now) continue;
      if (now === null) {
        // Name the cell and what is wrong, so a listener knows where to go.
        said.push(a.stale ? s.staleSaid(a.title, a.stale.reason, a.stale.index) : s.notComputable(a.title));
        continue;
      }
      if (was === null) {
        said.push(s.changed(a.title, a.index!, a.predicate ?? "", ""));
        continue;
      }
      const up = now > was;
      const delta = formatUnits(BigInt(Math.abs(now - was)), s.lang);
      cues[key] = { direction: up ? "up" : "down", text: `${up ? "▲" : "▼"} ${delta}` };
      said.push(s.changed(a.title, a.index!, a.predicate ?? "", `${up ? s.up : s.down} ${delta}`));
    }
  }
  return { cues, announcement: said.join(". ") };
}

/** The cues of the latest change, cleared after CUE_MS; the announcement stays until the next one. */
export function useChangeCues(view: PaneView | null, s: Strings): ChangeCues {
  const before = useRef<Indices | null>(null);
  const words = useRef(s);
  words.current = s;
  const [state, setState] = useState<ChangeCues>({ cues: {}, announcement: "" });
  // Only new data counts: switching the language re-renders the view but moves no index.
  useEffect(() => {
    if (!view) return;
    const previous = before.current;
    before.current = indicesOf(view);
    if (!previous) return;
    const found = compareIndices(previous, view, words.current);
    if (found.announcement) setState(found);
  }, [view]);
  const shown = Object.keys(state.cues).length > 0;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setState((x) => ({ ...x, cues: {} })), CUE_MS);
    return () => clearTimeout(timer);
  }, [shown, state]);
  return state;
}
