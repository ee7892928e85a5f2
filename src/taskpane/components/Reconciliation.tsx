/**
 * Self-assessment against the assessor: the index difference and each domain's and
 * aspect's contribution to it, beside the group's own two indices, so one is not read as
 * the other. The indicators that differ are the agenda under the results (Agenda.tsx).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { GapView, ReconciliationView } from "../toolsView";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  sides: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  figures: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  gap: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  // The darker (light theme) and lighter (dark theme) shades keep 4.5:1 on a hovered row too.
  down: { color: tokens.colorPaletteRedForeground2 },
  up: { color: tokens.colorPaletteGreenForeground2 },
  group: {
    margin: `${tokens.spacingVerticalS} 0 2px`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  gapRow: {
    display: "grid",
    gridTemplateColumns: "1fr 4.2em",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `2px ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  gapName: { minWidth: 0, overflowWrap: "break-word" },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  count: { color: tokens.colorNeutralForeground2 },
  own: { display: "block", color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  track: {
    gridColumn: "1 / span 2",
    height: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralStroke2,
    overflow: "hidden",
  },
  fillDown: { height: "100%", backgroundColor: tokens.colorPaletteRedBorderActive },
  fillUp: { height: "100%", backgroundColor: tokens.colorPaletteGreenBorderActive },
  impact: {
    flexShrink: 0,
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface ReconciliationProps {
  view: ReconciliationView;
  s: Strings;
  headingLevel: 5 | 6;
}

function tone(text: string): "down" | "up" | null {
  return text.startsWith("−") ? "down" : text.startsWith("+") ? "up" : null;
}

/** Each group's bar is its share of the whole difference (a group can exceed it when others pull the other way). */
function GapList({ gaps, total, s }: { gaps: GapView[]; total: number; s: Strings }) {
  const c = useStyles();
  const shared = useSharedStyles();
  const largest = Math.max(Math.abs(total), ...gaps.map((g) => Math.abs(g.value)), Number.MIN_VALUE);
  return (
    <ul className={shared.list}>
      {gaps.map((g) => {
        const t = tone(g.impact);
        return (
          <li key={g.key} className={c.gapRow}>
            <span className={c.gapName}>
              <span className={c.label}>{g.label}</span>
              {g.name}{" "}
              <span className={c.own}>
                {s.ownIndices} {g.own.from} → {g.own.to}
              </span>{" "}
              <span className={c.count}>({s.differCount(g.differences)})</span>
            </span>
            <span className={mergeClasses(c.impact, t === "down" && c.down, t === "up" && c.up)}>
              <span className={shared.visuallyHidden}>{s.contribution} </span>
              {g.impact}
            </span>
            <span className={c.track} aria-hidden="true">
              {g.value !== 0 && (
                <span
                  className={t === "up" ? c.fillUp : c.fillDown}
                  style={{ display: "block", width: `${(Math.abs(g.value) / largest) * 100}%` }}
                />
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function Reconciliation({ view: v, s, headingLevel }: ReconciliationProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const H = headingLevel === 5 ? "h5" : "h6";
  const t = v.gap ? tone(v.gap) : null;
  return (
    <>
      <p className={c.sides}>
        {v.from.title} → {v.to.title}
      </p>
      {v.gap !== null ? (
        <p className={c.summary}>
          <span className={c.figures}>
            {v.from.index} → {v.to.index}
          </span>{" "}
          <span className={mergeClasses(c.gap, t === "down" && c.down, t === "up" && c.up)}>
            <span className={shared.visuallyHidden}>{s.gapLabel} </span>
            {v.gap}
          </span>
        </p>
      ) : (
        <p className={shared.muted}>{s.gapIncomplete}</p>
      )}
      {v.domains.length > 0 && (
        <>
          <H className={c.group}>{s.contributionByDomain}</H>
          <p className={shared.muted}>{s.contributionHint}</p>
          <GapList gaps={v.domains} total={v.total} s={s} />
        </>
      )}
      <H className={c.group}>{s.contributionByAspect}</H>
      {v.domains.length === 0 && <p className={shared.muted}>{s.contributionHint}</p>}
      <GapList gaps={v.aspects} total={v.total} s={s} />
      {v.unmatched.length > 0 && <p className={shared.muted}>{s.notCompared(v.unmatched.join(", "))}</p>}
    </>
  );
}
