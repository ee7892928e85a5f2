/**
 * Everything about one indicator table, laid out for a meeting: the result cards, right
 * under them what blocks an index (each a link to its cell), the domain bars; then the
 * other sections (aspects, every problem, low scores, the assessor tools, what was
 * detected) as tabs, one at a time, so the pane stays short. The row of tabs comes in a
 * chunk fetched as the result is first drawn (the index does not wait for it); the tools
 * and the external indicators in another, fetched when their tab is first opened.
 */
import { makeStyles, mergeClasses, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ChangeCues, cueKey } from "../changeCue";
import { Strings } from "../i18n";
import { ToolsView } from "../toolsView";
import { TableView } from "../view";
import { Agenda } from "./Agenda";
import { AssessmentCard } from "./AssessmentCard";
import type { ToolsIntents } from "./AssessorTools";
import { Detection } from "./Detection";
import type { ExternalIndicatorsProps } from "./ExternalIndicators";
import { LowScoreList } from "./LowScoreList";
import { LazyExternal, LazySectionTabs, LazyTools } from "./parts";
import { ProblemList } from "./ProblemList";
import { ScoreBars } from "./ScoreBars";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column" },
  title: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  sheet: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  // The cards share their rows (each card is a subgrid), so two indices stand level.
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // Projected figures need room: two cards side by side from about 300 px, one above the other below.
  meetingCards: { gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))" },
  status: { marginTop: tokens.spacingVerticalS },
  panel: {
    display: "flex",
    flexDirection: "column",
    paddingTop: tokens.spacingVerticalXS,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

export type SectionKey = "aspects" | "problems" | "low" | "tools" | "more";

export interface TableSectionProps {
  table: TableView;
  headingLevel: 2 | 3;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
  convert: ExternalIndicatorsProps["convert"];
  tools: ToolsView | null;
  toolsIntents: ToolsIntents;
  cues: ChangeCues["cues"];
  /** counts up each time the skip link asks for this table's tools */
  toolsRequest?: number;
  /** projected: larger figures, no commands */
  meeting?: boolean;
}

/** The id of a table's heading and of its sections' panel, which the skip link targets. */
export function tableIds(key: string): { heading: string; panel: string } {
  const heading = `table-${key.replace(/[^A-Za-z0-9]/g, "-")}`;
  return { heading, panel: `${heading}-panel` };
}

export function TableSection({
  table: t,
  headingLevel,
  s,
  onSelect,
  convert,
  tools,
  toolsIntents,
  cues,
  toolsRequest = 0,
  meeting = false,
}: TableSectionProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const id = tableIds(t.key).heading;
  const hasDomains = t.domains.length > 0;
  const sections: { key: SectionKey; label: string }[] = [
    ...(hasDomains ? [{ key: "aspects" as const, label: s.aspects }] : []),
    { key: "problems", label: s.sectionProblems(t.problemCounts.errors, t.problemCounts.warnings) },
    { key: "low", label: s.sectionLow(t.lowScores.length) },
    ...(tools ? [{ key: "tools" as const, label: s.tools }] : []),
    { key: "more", label: s.sectionMore },
  ];
  const [chosen, setChosen] = useState<SectionKey>(sections[0].key);
  const section = sections.some((x) => x.key === chosen) ? chosen : sections[0].key;
  const panel = useRef<HTMLDivElement>(null);
  const seen = useRef(toolsRequest);
  useEffect(() => {
    if (toolsRequest === seen.current) return;
    seen.current = toolsRequest;
    setChosen("tools");
    // After the panel shows the tools, the skip link's reader lands on them.
    requestAnimationFrame(() => panel.current?.focus());
  }, [toolsRequest]);

  return (
    <section className={c.section} aria-labelledby={id}>
      <H className={c.title} id={id}>
        {t.title}
        <span className={c.sheet}>
          {s.sheet} “{t.sheet}”
        </span>
      </H>
      <div className={mergeClasses(c.cards, meeting && c.meetingCards)}>
        {t.assessments.map((a, k) => (
          <AssessmentCard
            key={a.key}
            assessment={a}
            position={k}
            change={cues[cueKey(t.key, a.key)] ?? null}
            meeting={meeting}
            s={s}
            onSelect={onSelect}
          />
        ))}
      </div>
      {t.blocking.length > 0 && (
        <>
          <Sub className={shared.heading}>{s.blockingTitle(t.blockingErrors)}</Sub>
          <ProblemList problems={t.blocking} s={s} onSelect={onSelect} />
        </>
      )}
      {t.identificationWarning && (
        <MessageBar className={c.status} intent="warning" layout="multiline">
          <MessageBarBody>
            <strong>{s.numbersOnlyLabel}:</strong> {t.identificationWarning}
          </MessageBarBody>
        </MessageBar>
      )}
      <Sub className={shared.heading}>{hasDomains ? s.domains : s.aspects}</Sub>
      <ScoreBars groups={hasDomains ? t.domains : t.aspects} max={t.levelMax} s={s} meeting={meeting} />
      {tools?.reconciliation && (
        <Agenda view={tools.reconciliation} s={s} meeting={meeting} heading={Sub} onSelect={onSelect} />
      )}
      <LazySectionTabs
        sections={sections}
        selected={section}
        onSelect={(key) => setChosen(key as SectionKey)}
        panelId={`${id}-panel`}
        idPrefix={id}
        s={s}
      />
      <div
        ref={panel}
        className={c.panel}
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${section}`}
        tabIndex={-1}
        data-section={section}
      >
        {section === "aspects" && (
          <>
            <Sub className={shared.heading}>{s.aspects}</Sub>
            <ScoreBars groups={t.aspects} max={t.levelMax} s={s} meeting={meeting} />
          </>
        )}
        {section === "problems" && (
          <>
            <Sub className={shared.heading}>{s.problems(t.problemCounts.errors, t.problemCounts.warnings)}</Sub>
            <ProblemList problems={t.problems} s={s} onSelect={onSelect} />
          </>
        )}
        {section === "low" && (
          <>
            <Sub className={shared.heading}>{s.lowScores(t.threshold, t.lowScores.length)}</Sub>
            <LowScoreList groups={t.lowGroups} threshold={t.threshold} s={s} onSelect={onSelect} />
          </>
        )}
        {section === "tools" && tools && (
          <LazyTools
            {...toolsIntents}
            tools={tools}
            table={t}
            s={s}
            headingLevel={headingLevel === 2 ? 3 : 4}
            onSelect={onSelect}
          />
        )}
        {section === "more" && (
          <>
            {t.external.length > 0 && (
              <>
                <Sub className={shared.heading}>{s.externalTitle}</Sub>
                <LazyExternal indicators={t.external} s={s} convert={convert} />
              </>
            )}
            <Detection detection={t.detection} s={s} />
          </>
        )}
      </div>
    </section>
  );
}
