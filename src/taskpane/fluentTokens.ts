/**
 * Fluent's `tokens` as the pane's build ships them. Every design token is the CSS variable
 * of its own name (`tokens.colorNeutralForeground1` is "var(--colorNeutralForeground1)"),
 * which FluentProvider sets from the theme; a few z-indices carry a fallback. Fluent spells
 * all 467 out in one object, 29 KB of the first download that every makeStyles reaches;
 * webpack puts this module in its place (webpack.config.js), and a unit test holds it to
 * Fluent's own object, token by token.
 */
import type { tokens as FluentTokens } from "@fluentui/react-components";

/** The tokens whose variable has a fallback value in Fluent's object. */
const FALLBACK: Record<string, string> = {
  zIndexBackground: "0",
  zIndexContent: "1",
  zIndexOverlay: "1000",
  zIndexPopup: "2000",
  zIndexMessages: "3000",
  zIndexFloating: "4000",
  zIndexPriority: "5000",
  zIndexDebug: "6000",
};

export const tokens = new Proxy({} as typeof FluentTokens, {
  get: (_target, name) => {
    if (typeof name !== "string") return undefined;
    const fallback = FALLBACK[name];
    return fallback === undefined ? `var(--${name})` : `var(--${name}, ${fallback})`;
  },
});
