/** One colour per level column, the same on its card and its bars; theme tokens, so dark mode follows. */
import { tokens } from "@fluentui/react-components";

const COLORS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteLightGreenBorderActive,
  tokens.colorPaletteBerryBorderActive,
];

export function assessmentColor(k: number): string {
  return COLORS[k % COLORS.length];
}

/**
 * Colour alone does not tell the columns apart for everyone: from the second column on,
 * its bars are striped, each column its own way.
 */
export function assessmentFill(k: number): string {
  const color = assessmentColor(k);
  if (k % 4 === 0) return color;
  const angle = [0, 45, 135, 90][k % 4];
  return `repeating-linear-gradient(${angle}deg, ${color} 0 3px, color-mix(in srgb, ${color} 45%, transparent) 3px 5px)`;
}
