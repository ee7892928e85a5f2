/**
 * The batch's progress bar: done/total, rate and time left, redrawn on standard error
 * when a person watches a terminal, and nothing at all otherwise.
 */
import { say, TextLanguage } from "../core/textLanguage";

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

/** "[██████······] 120/615 · 45.2 files/s · 0:11 left" */
export function progressLine(done: number, total: number, elapsedMs: number, lang: TextLanguage, width = 24): string {
  const filled = total === 0 ? width : Math.min(width, Math.floor((done / total) * width));
  const bar = "█".repeat(filled) + "·".repeat(width - filled);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? clock((total - done) / rate) : "–";
  return `[${bar}] ${done}/${total} · ${rate.toFixed(1)} ${say(lang, `berkas/dtk · sisa ${left}`, `files/s · ${left} left`)}`;
}

export interface Progress {
  step(): void;
  done(): void;
}

/** Redraws at most ten times a second; `draw` is absent when standard error is not a terminal. */
export function progress(
  total: number,
  draw: ((s: string) => void) | undefined,
  lang: TextLanguage,
  now: () => number = Date.now,
): Progress {
  if (!draw) return { step: () => undefined, done: () => undefined };
  const start = now();
  let count = 0;
  let last = -Infinity;
  return {
    step() {
      count++;
      const t = now();
      if (t - last >= 100 || count === total) {
        last = t;
        draw(progressLine(count, total, t - start, lang));
      }
    },
    done: () => draw(""),
  };
}
