/**
 * Fluent UI under jsdom, for the pane's component tests.
 *
 * Fluent's first render of a dialog is slow in jsdom on a busy machine, so queries wait
 * longer (waiting is not timing). And Fluent's focus manager (tabster) cannot see layout
 * under jsdom and intermittently marks the open dialog itself aria-hidden
 * (microsoft/fluentui#33897); exactly that is undone so the dialog is still found by role
 * and name. The Chromium end-to-end test runs the same dialog with no such help.
 */
import { configure } from "@testing-library/react";

export function setUpJsdomFluent(): void {
  configure({ asyncUtilTimeout: 10000 });
  // jsdom has no layout and no ResizeObserver; Fluent's overflow (the sections' tab row)
  // then keeps every item visible, as in a wide pane. Chromium tests the narrow widths.
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  jest.setTimeout(60000);
  const unhideDialogs = new MutationObserver(() => {
    for (const d of document.querySelectorAll("[role=dialog][aria-hidden]")) d.removeAttribute("aria-hidden");
  });
  beforeEach(() =>
    unhideDialogs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["aria-hidden"] }),
  );
  afterEach(() => unhideDialogs.disconnect());
}
