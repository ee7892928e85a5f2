/**
 * One colour per level column, the same on its card and its bars; theme tokens, so dark
 * mode follows. Foreground tokens: each keeps 3:1 against the page and the bar's track in
 * both themes (WCAG 1.4.11), where the border palette's marigold fell to 1.6:1.
 */
import { tokens } from "@fluentui/react-components";

const COLORS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteLightGreenForeground1,
  tokens.colorPaletteBerryForeground1,
];

export function assessmentColor(k: number): string {
  return COLORS[k % COLORS.length];
}

/**
 * Colour alone does not tell the columns apart for everyone: from the second column on,
 * its bars are striped, each column its own way; the stripes between keep most of the colour.
 */
export function assessmentFill(k: number): string {
  const color = assessmentColor(k);
  if (k % 4 === 0) return color;
  return stripes(k, color, `color-mix(in srgb, ${color} 60%, transparent)`);
}

/** The same stripes in system colours, for Windows high contrast, where the palette is replaced. */
export function assessmentForcedFill(k: number): string {
  return k % 4 === 0 ? "Highlight" : stripes(k, "CanvasText", "Canvas");
}

function stripes(k: number, color: string, between: string): string {
  const angle = [0, 45, 135, 90][k % 4];
  return `repeating-linear-gradient(${angle}deg, ${color} 0 3px, ${between} 3px 5px)`;
}

/** Where system colours replace the palette (Windows high contrast), a column's edge keeps its own line style. */
export function assessmentEdge(k: number): string {
  return ["solid", "double", "dashed", "dotted"][k % 4];
}

/**
 * A column's bars in a chart under forced colours (Windows high contrast), where an SVG
 * keeps the author's hues unless told otherwise: system colours only, and the columns told
 * apart by fill and outline (filled, outlined, dashed, dotted) as their cards' edges are.
 */
export interface ForcedMark {
  fill: string;
  stroke: string;
  /** the outline's dash pattern; null for a solid outline */
  dash: string | null;
}

export function assessmentForcedMark(k: number): ForcedMark {
  if (k % 4 === 0) return { fill: "Highlight", stroke: "Highlight", dash: null };
  return { fill: "Canvas", stroke: "CanvasText", dash: [null, null, "4 2", "1 2"][k % 4] };
}
