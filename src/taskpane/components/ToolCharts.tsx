/**
 * Domains and aspects as grouped bars, one bar per level column, with the target index
 * drawn across as a dashed line. Drawn by Fluent UI's own chart library; loaded as a
 * separate bundle chunk the first time the assessor opens the charts. The legend is the
 * pane's own list, which wraps at any width (the library's keeps a 200 px minimum and cuts
 * names in a narrow or zoomed pane); under forced colours bars, line and legend take
 * system colours and tell the columns apart by fill and outline, not by hue.
 */
import { BarSeries, GroupedVerticalBarChart, LineSeries } from "@fluentui/react-charts";
import { GriffelStyle, makeStyles, tokens, useId } from "@fluentui/react-components";
import { CSSProperties, useEffect, useRef } from "react";
import { ChartData } from "../chartData";
import { assessmentColor, assessmentForcedMark } from "./assessmentColor";

const TARGET_COLOR = tokens.colorPaletteRedForeground1;
const FORCED = "@media (forced-colors: active)";

/** Each column's bars, found by the colour the chart was given, redrawn in system colours. */
function forcedBars(): GriffelStyle {
  const rules: Record<string, GriffelStyle> = {};
  for (let k = 0; k < 4; k++) {
    const m = assessmentForcedMark(k);
    rules[`& rect[fill="${assessmentColor(k)}"]`] = {
      forcedColorAdjust: "none",
      fill: m.fill,
      stroke: m.stroke,
      strokeWidth: "2px",
      ...(m.dash ? { strokeDasharray: m.dash } : {}),
    };
  }
  rules[`& [stroke="${TARGET_COLOR}"]`] = { forcedColorAdjust: "none", stroke: "CanvasText" };
  return { [FORCED]: rules };
}

const useStyles = makeStyles({
  figure: { margin: `0 0 ${tokens.spacingVerticalM}`, minWidth: 0, ...forcedBars() },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  item: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { overflowWrap: "anywhere" },
  swatch: {
    flexShrink: 0,
    width: "14px",
    height: "14px",
    boxSizing: "border-box",
    borderRadius: "2px",
    backgroundColor: "var(--swatch)",
    [FORCED]: {
      forcedColorAdjust: "none",
      backgroundColor: "var(--swatch-forced)",
      border: "var(--swatch-forced-edge)",
    },
  },
  line: {
    flexShrink: 0,
    width: "18px",
    height: 0,
    borderTop: `2px dashed ${TARGET_COLOR}`,
    [FORCED]: { forcedColorAdjust: "none", borderTopColor: "CanvasText" },
  },
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
        hideLegend
        roundCorners
        margins={{ top: 12, bottom: 30, left: 30, right: 8 }}
        // The library's own description is English and generic; say what this chart shows.
        svgProps={{ "aria-label": chart.description }}
      />
      <ul className={c.legend} aria-label={chart.legendLabel}>
        {chart.series.map((x) => {
          const m = assessmentForcedMark(x.position);
          const style = {
            "--swatch": assessmentColor(x.position),
            "--swatch-forced": m.fill,
            "--swatch-forced-edge": `2px ${m.dash === null ? "solid" : m.dash === "4 2" ? "dashed" : "dotted"} ${m.stroke}`,
          } as CSSProperties;
          return (
            <li key={x.key} className={c.item} data-legend={x.position}>
              <span className={c.swatch} style={style} aria-hidden="true" />
              <span className={c.name}>{x.legend}</span>
            </li>
          );
        })}
        {chart.target && (
          <li className={c.item} data-legend="target">
            <span className={c.line} aria-hidden="true" />
            <span className={c.name}>{chart.target.legend}</span>
          </li>
        )}
      </ul>
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
