/**
 * Domains and aspects as grouped bars, one bar per level column, with the target index
 * drawn across as a dashed line. Drawn by Fluent UI's own chart library; loaded as a
 * separate bundle chunk the first time the assessor opens the charts.
 */
import { BarSeries, GroupedVerticalBarChart, LineSeries } from "@fluentui/react-charts";
import { makeStyles, tokens, useId } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { ChartData } from "../chartData";
import { assessmentColor } from "./assessmentColor";

const useStyles = makeStyles({
  figure: { margin: `0 0 ${tokens.spacingVerticalM}`, minWidth: 0 },
  title: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

export interface ToolChartsProps {
  charts: ChartData[];
  /** heading level of each chart's title */
  headingLevel: 5 | 6;
}

const TARGET_COLOR = tokens.colorPaletteRedForeground1;

function series(c: ChartData): (BarSeries<string, number> | LineSeries<string, number>)[] {
  const bars: BarSeries<string, number>[] = c.series.map((x) => ({
    type: "bar",
    key: x.key,
    legend: x.legend,
    color: assessmentColor(x.position),
    data: x.points.map((p) => ({ x: p.x, y: p.y, xAxisCalloutData: p.group, yAxisCalloutData: p.text })),
  }));
  if (!c.target) return bars;
  const line: LineSeries<string, number> = {
    type: "line",
    legend: c.target.legend,
    color: TARGET_COLOR,
    lineOptions: { strokeDasharray: "6 4", strokeWidth: 2 },
    hideInactiveDots: true,
    data: c.target.points.map((p) => ({
      x: p.x,
      y: p.y,
      xAxisCalloutData: p.group,
      yAxisCalloutData: p.text,
      markerSize: 0,
      callOutAccessibilityData: { ariaLabel: p.label },
    })),
  };
  return [...bars, line];
}

/**
 * The library names each group of bars in English ("D1, category 1 of 4, with 2 bars")
 * and offers no way to change it; the group's own name in the pane's language replaces it,
 * also when the library draws again.
 */
function useGroupNames(chart: ChartData) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const names = new Map<string, string>();
    for (const x of [...chart.series.flatMap((s) => s.points), ...(chart.target?.points ?? [])])
      names.set(x.x, x.group);
    const rename = () => {
      for (const g of root.querySelectorAll<SVGGElement>('g[role="listbox"][aria-label*=", category "]')) {
        const axis = g.getAttribute("aria-label")!.split(",")[0];
        g.setAttribute("aria-label", names.get(axis) ?? axis);
      }
    };
    rename();
    const watch = new MutationObserver(rename);
    watch.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
    return () => watch.disconnect();
  }, [chart]);
  return ref;
}

function Chart({ chart, idPrefix, H }: { chart: ChartData; idPrefix: string; H: "h5" | "h6" }) {
  const c = useStyles();
  const ref = useGroupNames(chart);
  return (
    <figure ref={ref} className={c.figure} aria-labelledby={`${idPrefix}-${chart.key}`} data-chart={chart.key}>
      <H className={c.title} id={`${idPrefix}-${chart.key}`}>
        {chart.title}
      </H>
      <GroupedVerticalBarChart
        dataV2={series(chart)}
        height={chart.key === "domains" ? 200 : 220}
        yMinValue={0}
        yMaxValue={chart.max}
        yAxisTickCount={chart.max}
        barWidth="auto"
        maxBarWidth={14}
        hideLabels
        enabledLegendsWrapLines
        roundCorners
        margins={{ top: 12, bottom: 30, left: 30, right: 8 }}
        // The library's own description is English and generic; say what this chart shows.
        svgProps={{ "aria-label": chart.description }}
      />
    </figure>
  );
}

export function ToolCharts({ charts, headingLevel }: ToolChartsProps) {
  const idPrefix = useId("chart");
  const H = headingLevel === 5 ? "h5" : "h6";
  return (
    <>
      {charts.map((chart) => (
        <Chart key={chart.key} chart={chart} idPrefix={idPrefix} H={H} />
      ))}
    </>
  );
}
