/**
 * The place of a table's row of sections, shared by the row itself (a chunk of its own)
 * and by what stands there while that chunk loads: the same margins, rule and height, so
 * the section under it does not move when the tabs arrive.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSectionRowStyles = makeStyles({
  row: {
    flexWrap: "nowrap",
    minWidth: 0,
    overflow: "hidden",
    marginTop: tokens.spacingVerticalL,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // A small tab: its text's line and Fluent's padding above and below it.
  placeholder: {
    boxSizing: "content-box",
    height: `calc(${tokens.lineHeightBase300} + 2 * ${tokens.spacingVerticalSNudge})`,
  },
});
