/**
 * Fetching the pane's code in chunks: the parts a meeting does not need first are fetched
 * when first asked for, or earlier while the pane is idle. A fetch that fails (the network
 * dropped, or the server was updated since the pane opened and the old chunk is gone) is
 * tried again on the next ask.
 */
import { addEnglish, languageFromOffice } from "./i18n";

/** Fetches once and keeps the answer; after a failure, the next call fetches again. */
export interface Loader<T> {
  (): Promise<T>;
  /** what was fetched, once it is here: code that runs on a click need not wait a turn for it */
  loaded(): T | undefined;
}

export function loader<T>(load: () => Promise<T>): Loader<T> {
  let pending: Promise<T> | null = null;
  let done: T | undefined;
  const fetch = () => {
    pending ??= load().then(
      (value) => (done = value),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
    return pending;
  };
  return Object.assign(fetch, { loaded: () => done });
}

/** Webpack rejects a chunk it could not fetch with a ChunkLoadError; a browser's own import() with a TypeError. */
export function isChunkLoadError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return e.name === "ChunkLoadError" || /Loading (CSS )?chunk .* failed|dynamically imported module/i.test(e.message);
}

/** Runs `work` when the browser is idle (or soon, where it has no idle callback: Safari, Office on Mac); returns a cancel. */
export function whenIdle(work: () => void): () => void {
  const w = window as Window & {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback) {
    const id = w.requestIdleCallback(work, { timeout: 3000 });
    return () => w.cancelIdleCallback?.(id);
  }
  const id = setTimeout(work, 500);
  return () => clearTimeout(id);
}

/**
 * The pane's English words (i18n.en.ts), fetched once, again after a failure; once here they
 * join the dictionary, so `strings("en")` answers in English.
 */
export const englishWords = loader(() =>
  import(/* webpackChunkName: "en" */ "./i18n.en.js").then((m) => {
    addEnglish(m.en);
    return m.en;
  }),
);

/**
 * Before the first render: English's words when the pane starts in English, so no
 * Indonesian shows first. Should the fetch fail, the pane opens in Indonesian and says
 * why (`initialState` in state.ts); it never waits on Indonesian, which is always here.
 */
export async function startLanguage(officeLanguage: string): Promise<void> {
  if (languageFromOffice(officeLanguage) === "en") await englishWords().catch(() => undefined);
}

/**
 * Apply's code (applyCode.ts: building and checking a write plan, and the sheets of the tool's
 * own), fetched once, again after a failure; the Office.js host's writing code is in the same chunk.
 */
export const applyCode = loader(() => import(/* webpackChunkName: "apply" */ "./applyCode.js"));

export type ApplyCode = typeof import("./applyCode.js");
