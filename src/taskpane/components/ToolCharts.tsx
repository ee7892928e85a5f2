/**
 * Domains and aspects as grouped bars, one bar per level column, with the target index
 * drawn across as a dashed line. Drawn by Fluent UI's own chart library; loaded as a
 * separate bundle chunk the first time the assessor opens the charts.
 */
import { BarSeries, GroupedVerticalBarChart, LineSeries } from "@fluentui/react-charts";
import { makeStyles, tokens, useId } from "@fluentui/react-components";
import { ChartData } from "../chartData";
import { assessmentColor } from "./assessmentColor";

const useStyles = makeStyles({
  figure: { margin: `0 0 ${tokens.spacingVerticalM}`, minWidth: 0 },
  title: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
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
    data: x.points.map((p) => ({ x: p.x, y: p.y, xAxisCalloutData: p.group, yAxisCalloutData: p.y.toFixed(2) })),
  }));
  if (!c.target) return bars;
  const line: LineSeries<string, number> = {
    type: "line",
    legend: c.target.legend,
    color: TARGET_COLOR,
    lineOptions: { strokeDasharray: "6 4", strokeWidth: 2 },
    hideInactiveDots: true,
    data: c.target.points.map((p) => ({ x: p.x, y: p.y, xAxisCalloutData: p.group, yAxisCalloutData: p.y.toFixed(2), markerSize: 0 })),
  };
  return [...bars, line];
}

export function ToolCharts({ charts, headingLevel }: ToolChartsProps) {
  const c = useStyles();
  const idPrefix = useId("chart");
  const H = headingLevel === 5 ? "h5" : "h6";
  return (
    <>
      {charts.map((chart) => (
        <figure key={chart.key} className={c.figure} aria-labelledby={`${idPrefix}-${chart.key}`} data-chart={chart.key}>
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
      ))}
    </>
  );
}
