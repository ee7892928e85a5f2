/** The pane's build swaps Fluent's tokens object for src/taskpane/fluentTokens.ts: the two must give the same CSS for every token. */
import { tokens as fluent } from "@fluentui/react-components";
import { tokens } from "../../../src/taskpane/fluentTokens";

test("every one of Fluent's tokens is the same CSS variable, fallback included", () => {
  const names = Object.keys(fluent) as (keyof typeof fluent)[];
  expect(names.length).toBeGreaterThan(400);
  const differ = names.filter((n) => tokens[n] !== fluent[n]).map((n) => `${n}: ${tokens[n]} ≠ ${fluent[n]}`);
  expect(differ).toEqual([]);
  expect(tokens.zIndexPopup).toBe("var(--zIndexPopup, 2000)");
  expect(tokens.colorNeutralForeground1).toBe("var(--colorNeutralForeground1)");
});
