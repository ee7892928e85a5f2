/**
 * Domain or aspect indices as horizontal bars, one per level column, so the assessor
 * compares self-assessment and assessor at a glance. Each bar is a meter for screen readers.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { GroupView } from "../view";
import { assessmentColor } from "./assessmentColor";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  name: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground1, marginBottom: "2px" },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  row: { display: "grid", gridTemplateColumns: "1.5em 1fr 2.6em", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  column: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  track: { height: "8px", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralStroke2, overflow: "hidden" },
  fill: { height: "100%", borderRadius: tokens.borderRadiusSmall },
  value: { fontSize: tokens.fontSizeBase200, textAlign: "right", fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground1 },
});

export interface ScoreBarsProps {
  groups: GroupView[];
  max: number;
}

export function ScoreBars({ groups, max }: ScoreBarsProps) {
  const c = useStyles();
  return (
    <ul className={c.list}>
      {groups.map((g) => (
        <li key={g.key}>
          <div className={c.name}>
            <span className={c.label}>{g.label}</span>
            {g.name}
          </div>
          {g.bars.map((b, k) => (
            <div key={b.key} className={c.row}>
              <span className={c.column} aria-hidden="true">
                {b.column}
              </span>
              <div
                className={c.track}
                role="meter"
                aria-label={`${g.label} ${g.name} — ${b.assessment}`}
                aria-valuemin={0}
                aria-valuemax={max}
                aria-valuenow={b.value ?? undefined}
                aria-valuetext={b.text}
              >
                {b.value !== null && <div className={c.fill} style={{ width: `${Math.max(0, Math.min(1, b.value / max)) * 100}%`, backgroundColor: assessmentColor(k) }} />}
              </div>
              <span className={c.value} aria-hidden="true">
                {b.text}
              </span>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
