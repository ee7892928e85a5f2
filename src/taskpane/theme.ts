/** Light or dark, following the Office theme's body background. */

/** Relative luminance of "#RRGGBB" (or "RRGGBB"), 0 black … 1 white; undefined when not a colour. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office paints the pane's body dark; light when it does not say. */
export function isDarkTheme(officeTheme: { bodyBackgroundColor?: string } | undefined): boolean {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}
