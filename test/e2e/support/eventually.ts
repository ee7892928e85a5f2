/**
 * Waiting for the page to show something, playwright-core style (it has no test
 * runner's expect): poll until the condition holds or the wait runs out, then fail
 * with what was last seen. Waiting is not timing: nothing asserts how fast.
 */
import { Locator } from "playwright-core";

const WAIT_MS = 20000;

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: WAIT_MS });
}

export async function until(
  read: () => Promise<string | null>,
  expected: string | RegExp,
  what: string,
): Promise<void> {
  const end = Date.now() + WAIT_MS;
  let last: string | null = null;
  for (;;) {
    last = await read().catch(() => null);
    if (last !== null && (typeof expected === "string" ? last.trim() === expected : expected.test(last))) return;
    if (Date.now() > end) throw new Error(`${what}: expected ${expected}, last saw ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const hasText = (l: Locator, t: string | RegExp) => until(() => l.innerText(), t, `text of ${l}`);
export const hasValue = (l: Locator, v: string | RegExp) => until(() => l.inputValue(), v, `value of ${l}`);
export const hasClass = (l: Locator, c: RegExp) => until(() => l.getAttribute("class"), c, `class of ${l}`);

/** Wait until no CSS animation or transition runs in the page or its frames, so a screenshot shows the settled state. */
export async function settled(page: import("playwright-core").Page): Promise<void> {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const running = await Promise.all(
      page
        .frames()
        .map((f) =>
          f.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length).catch(() => 0),
        ),
    );
    if (running.every((n) => n === 0) || Date.now() > end) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
