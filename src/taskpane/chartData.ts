/**
 * What the charts draw, as plain data: for the domains and for the aspects, one bar per
 * level column in each group, and the target index as a line across them. Kept apart
 * from the chart component so the data is tested without the chart library.
 */
import { Strings } from "./i18n";
import { targetText } from "./toolsView";
import { GroupView, TableView } from "./view";

export interface ChartPoint {
  /** the axis label: "D1", "A3" */
  x: string;
  y: number;
  /** the group in full, for the tooltip and screen readers: "Domain 1 Kebijakan Internal SPBE" */
  group: string;
  /** the value in the pane's language: "3,40" */
  text: string;
  /** what a screen reader says for a point of the target line (the library names each bar from its group, legend and text) */
  label?: string;
}

export interface ChartSeries {
  key: string;
  legend: string;
  /** position of the level column, for its colour (the same as on its card) */
  position: number;
  points: ChartPoint[];
}

export interface ChartData {
  key: "domains" | "aspects";
  title: string;
  /** one sentence for screen readers: what is drawn, and the target */
  description: string;
  series: ChartSeries[];
  /** what the legend under the chart is called, for screen readers */
  legendLabel: string;
  /** the target line, across every group */
  target: { legend: string; points: ChartPoint[] } | null;
  max: number;
}

function chart(
  key: ChartData["key"],
  title: string,
  groups: GroupView[],
  table: TableView,
  target: number | null,
  s: Strings,
): ChartData {
  // Group keys are "domain-1", "aspect-3"; the axis has room for "D1", "A3" only.
  const axis = (g: GroupView) => {
    const [kind, id] = g.key.split("-");
    return `${kind === "domain" ? "D" : "A"}${id}`;
  };
  const series = table.assessments
    .map((a, k) => ({
      key: a.key,
      legend: a.title,
      position: k,
      points: groups.flatMap((g) => {
        const bar = g.bars[k];
        const group = `${g.label} ${g.name}`;
        return bar && bar.value !== null ? [{ x: axis(g), y: bar.value, group, text: bar.text }] : [];
      }),
    }))
    .filter((x) => x.points.length > 0);
  const shown = target === null ? null : targetText(target, s.lang);
  const line = shown === null ? null : s.chartTarget(shown);
  return {
    key,
    title,
    description: s.chartFigure(title, shown),
    legendLabel: s.chartLegend(title),
    series,
    target:
      line === null || shown === null
        ? null
        : {
            legend: line,
            points: groups.map((g) => ({
              x: axis(g),
              y: target!,
              group: `${g.label} ${g.name}`,
              text: shown,
              label: s.chartBar(`${g.label} ${g.name}`, line, shown),
            })),
          },
    max: table.levelMax,
  };
}

/** The domain chart (where the framework has domains) and the aspect chart of one table. */
export function chartData(table: TableView, target: number | null, s: Strings): ChartData[] {
  const out: ChartData[] = [];
  if (table.domains.length > 0) out.push(chart("domains", s.domains, table.domains, table, target, s));
  out.push(chart("aspects", s.aspects, table.aspects, table, target, s));
  return out;
}
