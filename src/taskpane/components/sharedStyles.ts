/**
 * Styles several components share: text only screen readers hear, a list row that selects a
 * cell, an indicator's code and level. Text a meeting reads is at least the body size of
 * Microsoft's add-in type ramp (14 px).
 */
import { createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";

export const useSharedStyles = makeStyles({
  /** an indicator's number or code before its name */
  indicatorCode: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  /** a level at the end of a row, aligned with the rows above it */
  levelValue: {
    flexShrink: 0,
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
    minWidth: "2.4em",
    textAlign: "right",
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: "2px" },
  cellButton: {
    // The focus ring is drawn around the row by a pseudo-element, which needs a positioned parent.
    position: "relative",
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  plainRow: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  cellTag: {
    flexShrink: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase300,
    // Not the link colour: on a hovered row in the dark theme it falls below 4.5:1.
    color: tokens.colorBrandForeground2,
    minWidth: "3.2em",
  },
  // Long names break between words; a single word longer than the line still breaks rather than overflow.
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: "break-word", hyphens: "auto" },
  heading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  muted: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, margin: 0 },
  /** a badge whose words may wrap (a narrow or zoomed pane) grows instead of spilling over its neighbours */
  wrappingBadge: { height: "auto", minHeight: "20px", whiteSpace: "normal", textAlign: "left", flexShrink: 1 },
  /** numbers in a column line up */
  figure: { fontVariantNumeric: "tabular-nums" },
});
