/**
 * The assessor tools of one table, below its results, folded so the first screen still
 * shows the index: path to target, self versus assessor, charts, claims without evidence.
 * Each opens on demand; the charts' code is fetched once the tools are open.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import { chartData } from "../chartData";
import { Strings } from "../i18n";
import { ColumnPlan, columnPlan, targetView } from "../targetView";
import { ToolsView } from "../toolsView";
import { TableView } from "../view";
import { EvidenceGaps } from "./EvidenceGaps";
import { Reconciliation } from "./Reconciliation";
import { PlanSheetIntents, TargetPlan } from "./TargetPlan";
import { whenIdle } from "../chunks";
import type { MaybeLazy } from "./lazyPart";
import type { ToolChartsProps } from "./ToolCharts";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  panel: { margin: `0 0 ${tokens.spacingVerticalM}`, padding: `0 ${tokens.spacingHorizontalXS}` },
  header: { margin: 0 },
});

export interface ToolsIntents {
  onTarget(target: number | null): void;
  onStep(step: number): void;
  onRaise(raise: number): void;
  onToggleOutOfReach(framework: string, indicator: number): void;
  /** the chart view; the add-in loads it as a chunk of its own, fetched once the tools are open */
  Charts?: MaybeLazy<ToolChartsProps>;
  /** writing a column's plan into a sheet, where the pane offers it */
  planSheet?: PlanSheetWrite;
}

/** Writing a column's plan into its own sheet: the plan is made here, where the tools plan. */
export interface PlanSheetWrite extends Omit<PlanSheetIntents, "onWrite"> {
  onWrite(sheet: string, column: string, found: ColumnPlan): void;
}

export interface AssessorToolsProps extends ToolsIntents {
  tools: ToolsView;
  table: TableView;
  s: Strings;
  /** the level of the tools' own heading; the sections sit one and two levels below */
  headingLevel: 3 | 4;
  onSelect(sheet: string, cell: string): void;
}

export function AssessorTools({
  tools,
  table,
  s,
  headingLevel,
  onSelect,
  onTarget,
  onStep,
  onRaise,
  onToggleOutOfReach,
  Charts,
  planSheet,
}: AssessorToolsProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const H = headingLevel === 3 ? "h3" : "h4";
  const item = headingLevel === 3 ? "h4" : "h5";
  const inner = headingLevel === 3 ? 5 : 6;
  // Planned here, with the tools open: the first screen neither carries nor runs the planning.
  const target = useMemo(() => targetView(tools.table, tools.choices, s.lang), [tools, s.lang]);
  const frameworkId = target.frameworkId;
  // The tools are open: the charts are the likely next ask, so their chunk is fetched while the pane is idle.
  useEffect(() => (Charts ? whenIdle(() => void Charts.preload?.().catch(() => undefined)) : undefined), [Charts]);
  return (
    <>
      <H className={shared.heading}>{s.tools}</H>
      <Accordion multiple collapsible>
        <AccordionItem value="target">
          <AccordionHeader as={item} className={c.header}>
            {s.targetTitle}
          </AccordionHeader>
          <AccordionPanel className={c.panel}>
            <TargetPlan
              view={target}
              s={s}
              headingLevel={inner}
              onTarget={onTarget}
              onStep={onStep}
              onRaise={onRaise}
              onToggleOutOfReach={(id) => onToggleOutOfReach(frameworkId, id)}
              onSelect={onSelect}
              tableSheet={tools.key}
              planSheet={
                planSheet && {
                  ...planSheet,
                  onWrite: (sheet, column) => {
                    const found = columnPlan(tools.table, column, tools.choices);
                    if (found) planSheet.onWrite(sheet, column, found);
                  },
                }
              }
            />
          </AccordionPanel>
        </AccordionItem>
        {tools.reconciliation && (
          <AccordionItem value="reconciliation">
            <AccordionHeader as={item} className={c.header}>
              {s.reconcileTitle}
            </AccordionHeader>
            <AccordionPanel className={c.panel}>
              <Reconciliation view={tools.reconciliation} s={s} headingLevel={inner} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {Charts && (
          <AccordionItem value="charts">
            <AccordionHeader as={item} className={c.header}>
              {s.chartsTitle}
            </AccordionHeader>
            <AccordionPanel className={c.panel}>
              <Charts s={s} charts={chartData(table, tools.targetValue, s)} headingLevel={inner} />
            </AccordionPanel>
          </AccordionItem>
        )}
        {tools.evidence && (
          <AccordionItem value="evidence">
            <AccordionHeader as={item} className={c.header}>
              {s.evidenceTitle(tools.evidence.count)}
            </AccordionHeader>
            <AccordionPanel className={c.panel}>
              <EvidenceGaps view={tools.evidence} s={s} headingLevel={inner} onSelect={onSelect} />
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
    </>
  );
}
