/** Everything about one indicator table: results per level column, bars, problems, low scores, the assessor tools, what was detected. */
import { makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { ToolsView } from "../toolsView";
import { TableView } from "../view";
import { AssessmentCard } from "./AssessmentCard";
import { AssessorTools, ToolsIntents } from "./AssessorTools";
import { Detection } from "./Detection";
import { ExternalIndicators, ExternalIndicatorsProps } from "./ExternalIndicators";
import { LowScoreList } from "./LowScoreList";
import { ProblemList } from "./ProblemList";
import { ScoreBars } from "./ScoreBars";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column" },
  title: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  sheet: { display: "block", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  status: { marginTop: tokens.spacingVerticalS },
});

export interface TableSectionProps {
  table: TableView;
  headingLevel: 2 | 3;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
  convert: ExternalIndicatorsProps["convert"];
  tools: ToolsView | null;
  toolsIntents: ToolsIntents;
}

export function TableSection({ table: t, headingLevel, s, onSelect, convert, tools, toolsIntents }: TableSectionProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const id = `table-${t.key.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <section className={c.section} aria-labelledby={id}>
      <H className={c.title} id={id}>
        {t.title}
        <span className={c.sheet}>
          {s.sheet} “{t.sheet}”
        </span>
      </H>
      <div className={c.cards}>
        {t.assessments.map((a, k) => (
          <AssessmentCard key={a.key} assessment={a} position={k} s={s} />
        ))}
      </div>
      {t.statusNote && (
        <MessageBar className={c.status} intent="warning" layout="multiline">
          <MessageBarBody>
            <strong>{s.statusNoteLabel}:</strong> {t.statusNote}
          </MessageBarBody>
        </MessageBar>
      )}
      {t.domains.length > 0 && (
        <>
          <Sub className={shared.heading}>{s.domains}</Sub>
          <ScoreBars groups={t.domains} max={t.levelMax} />
        </>
      )}
      <Sub className={shared.heading}>{s.aspects}</Sub>
      <ScoreBars groups={t.aspects} max={t.levelMax} />
      <Sub className={shared.heading}>{s.problems(t.problems.length)}</Sub>
      <ProblemList problems={t.problems} s={s} onSelect={onSelect} />
      <Sub className={shared.heading}>{s.lowScores(t.threshold, t.lowScores.length)}</Sub>
      <LowScoreList lowScores={t.lowScores} assessments={t.assessments} threshold={t.threshold} s={s} onSelect={onSelect} />
      {t.external.length > 0 && (
        <>
          <Sub className={shared.heading}>{s.externalTitle}</Sub>
          <ExternalIndicators indicators={t.external} s={s} convert={convert} />
        </>
      )}
      {tools && <AssessorTools {...toolsIntents} tools={tools} table={t} s={s} headingLevel={headingLevel === 2 ? 3 : 4} onSelect={onSelect} />}
      <Detection detection={t.detection} s={s} />
    </section>
  );
}
