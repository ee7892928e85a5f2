/**
 * Domain or aspect indices as horizontal bars, one per level column, so the assessor
 * compares self-assessment and assessor at a glance. Columns differ by colour, pattern and
 * letter; each bar with a value is a meter for screen readers, one without says so.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { GroupView } from "../view";
import { assessmentFill } from "./assessmentColor";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  name: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    marginBottom: "2px",
    overflowWrap: "anywhere",
  },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  row: {
    display: "grid",
    gridTemplateColumns: "1.4em 1fr 2.8em",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  column: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyMonospace,
  },
  track: {
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralStroke2,
    overflow: "hidden",
  },
  fill: { height: "100%", borderRadius: tokens.borderRadiusSmall },
  value: {
    fontSize: tokens.fontSizeBase200,
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground1,
  },
});

export interface ScoreBarsProps {
  groups: GroupView[];
  max: number;
  s: Strings;
}

export function ScoreBars({ groups, max, s }: ScoreBarsProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  return (
    <ul className={c.list}>
      {groups.map((g) => (
        <li key={g.key}>
          <div className={c.name}>
            <span className={c.label}>{g.label}</span>
            {g.name}
          </div>
          {g.bars.map((b, k) => {
            const label = `${g.label} ${g.name} — ${b.assessment}`;
            return (
              <div key={b.key} className={c.row}>
                <span className={c.column} aria-hidden="true">
                  {b.column}
                </span>
                {b.value !== null ? (
                  <div
                    className={c.track}
                    role="meter"
                    aria-label={label}
                    aria-valuemin={0}
                    aria-valuemax={max}
                    aria-valuenow={b.value}
                    aria-valuetext={b.text}
                  >
                    <div
                      className={c.fill}
                      style={{
                        width: `${Math.max(0, Math.min(1, b.value / max)) * 100}%`,
                        background: assessmentFill(k),
                      }}
                    />
                  </div>
                ) : (
                  <div className={c.track}>
                    <span className={shared.visuallyHidden}>
                      {label}: {s.noValue}
                    </span>
                  </div>
                )}
                <span className={c.value} aria-hidden="true">
                  {b.text}
                </span>
              </div>
            );
          })}
        </li>
      ))}
    </ul>
  );
}
