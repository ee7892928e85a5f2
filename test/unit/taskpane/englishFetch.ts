/**
 * English's chunk under the tests' control, for the tests of what the pane does while it is
 * fetched and when it cannot be: `englishWords` keeps its loader (one fetch at a time, again
 * after a failure) over a fetch that waits until the test lets it arrive or fail.
 */
import { addEnglish } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/i18n.en";

interface Pending {
  resolve(): void;
  reject(e: Error): void;
}

const pending: Pending[] = [];
let calls = 0;

/** what the loader asks for; `englishWords` in the mocked chunks module calls it */
export function fetchEnglish(): Promise<unknown> {
  calls++;
  return new Promise<void>((resolve, reject) => pending.push({ resolve, reject })).then(() => {
    addEnglish(en);
    return en;
  });
}

/** how many times the pane has fetched English so far */
export function englishFetches(): number {
  return calls;
}

/** the fetch under way arrives */
export function englishArrives(): void {
  pending.shift()!.resolve();
}

/** the fetch under way fails as webpack's does when the server no longer has the chunk */
export function englishFails(): void {
  pending.shift()!.reject(Object.assign(new Error("Loading chunk en failed."), { name: "ChunkLoadError" }));
}
