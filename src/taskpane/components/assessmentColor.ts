/** One colour per level column, the same on its card and its bars; theme tokens, so dark mode follows. */
import { tokens } from "@fluentui/react-components";

const COLORS = [tokens.colorBrandForeground1, tokens.colorPaletteMarigoldBorderActive, tokens.colorPaletteLightGreenBorderActive, tokens.colorPaletteBerryBorderActive];

export function assessmentColor(k: number): string {
  return COLORS[k % COLORS.length];
}
