/**
 * The row of a table's other sections, always one row: Fluent UI's TabList with overflow
 * (Fluent's documented pattern). The tabs that do not fit the pane's width go into a
 * "more" menu at the end of the row; the chosen section's tab always stays in the row, so
 * the row says which section is open. Arrow keys move between the tabs and the "more"
 * button as in any tab list. The row, with Fluent's tabs, overflow and focus library
 * (tabster), is a chunk of its own (`LazySectionTabs`), fetched once the first result is on
 * screen; the menu itself (Fluent's Menu and its positioning) is another (`LazyMenu`),
 * fetched while the pane is idle once the button shows, or when it is first pressed.
 */
import {
  Button,
  makeStyles,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useOverflowMenu,
  useOverflowVisibility,
} from "@fluentui/react-components";
import { MoreHorizontal20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { whenIdle } from "../chunks";
import { Strings } from "../i18n";
import { LazyMenu } from "./parts";
import { useSectionRowStyles } from "./sectionRow";
import type { SectionTab } from "./SectionsMenu";

export type { SectionTab };

const useStyles = makeStyles({
  // In the narrowest pane (270 px at 200 % zoom is 135 CSS pixels) the one tab left ends
  // in an ellipsis beside the "more" button; the heading under it names the section in full.
  tab: {
    flexShrink: 0,
    whiteSpace: "nowrap",
    maxWidth: "calc(100vw - 72px)",
    "& .fui-Tab__content": { overflow: "hidden", textOverflow: "ellipsis" },
  },
  more: { flexShrink: 0, minWidth: "auto", alignSelf: "center" },
});

export interface SectionTabsProps<K extends string> {
  sections: SectionTab<K>[];
  selected: K;
  onSelect(key: K): void;
  /** the id of the tab panel the tabs control; each tab's id is `${idPrefix}-tab-${key}` */
  panelId: string;
  idPrefix: string;
  s: Strings;
}

function MoreButton<K extends string>({
  sections,
  onSelect,
  idPrefix,
  s,
}: Pick<SectionTabsProps<K>, "sections" | "onSelect" | "idPrefix" | "s">) {
  const c = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  const { itemVisibility } = useOverflowVisibility();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  // The button shows: its menu is the likely next ask, fetched while the pane is idle.
  useEffect(
    () => (isOverflowing ? whenIdle(() => void LazyMenu.preload().catch(() => undefined)) : undefined),
    [isOverflowing],
  );
  if (!isOverflowing) return null;
  const hidden = sections.filter((x) => itemVisibility[x.key] === false);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      {/* A tab list holds tabs only; the button that opens the rest is one too, as in Fluent's own example. */}
      <Button
        ref={(el: HTMLButtonElement | null) => {
          ref.current = el;
          button.current = el;
        }}
        className={c.more}
        appearance="transparent"
        size="small"
        role="tab"
        aria-selected={false}
        aria-haspopup="menu"
        aria-expanded={open}
        icon={<MoreHorizontal20Regular />}
        aria-label={s.moreSections(overflowCount)}
        title={s.moreSections(overflowCount)}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="more-sections"
      />
      {open && button.current && (
        <LazyMenu
          s={s}
          target={button.current}
          sections={hidden}
          onSelect={(key) => {
            setOpen(false);
            onSelect(key as K);
            // The chosen section's tab takes its place in the row; the keyboard goes on from there.
            requestAnimationFrame(() => document.getElementById(`${idPrefix}-tab-${key}`)?.focus());
          }}
          onClose={close}
        />
      )}
    </>
  );
}

export function SectionTabs<K extends string>({
  sections,
  selected,
  onSelect,
  panelId,
  idPrefix,
  s,
}: SectionTabsProps<K>) {
  const c = useStyles();
  const row = useSectionRowStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList
        className={row.row}
        size="small"
        selectedValue={selected}
        onTabSelect={(_, d) => onSelect(d.value as K)}
        aria-label={s.sections}
      >
        {sections.map((x) => (
          <OverflowItem key={x.key} id={x.key} priority={x.key === selected ? 2 : 1}>
            <Tab className={c.tab} value={x.key} id={`${idPrefix}-tab-${x.key}`} aria-controls={panelId}>
              {x.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreButton sections={sections} onSelect={onSelect} idPrefix={idPrefix} s={s} />
      </TabList>
    </Overflow>
  );
}
