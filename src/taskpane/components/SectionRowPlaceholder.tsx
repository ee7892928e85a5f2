/** The row of sections' place while its chunk loads: its rule and height, and nothing to read. */
import { mergeClasses } from "@fluentui/react-components";
import { useSectionRowStyles } from "./sectionRow";

export function SectionRowPlaceholder() {
  const c = useSectionRowStyles();
  return <div className={mergeClasses(c.row, c.placeholder)} aria-hidden="true" data-testid="sections-loading" />;
}
