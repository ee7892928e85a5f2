/**
 * Domain or aspect indices as horizontal bars, one per level column, so the assessor
 * compares self-assessment and assessor at a glance. Columns differ by colour, pattern and
 * letter; each bar with a value is a meter for screen readers, one without says so. In a
 * meeting the bars are solid and thick, each labelled with its column's name, and the
 * values large enough to read from the back of the room. Under Windows high contrast the
 * bars take system colours and an outline instead of vanishing.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CSSProperties, useState } from "react";
import { Strings } from "../i18n";
import { GroupView } from "../view";
import { assessmentColor, assessmentFill, assessmentForcedFill } from "./assessmentColor";
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
  meetingList: { rowGap: tokens.spacingVerticalL },
  name: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    marginBottom: "2px",
    overflowWrap: "break-word",
  },
  meetingName: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  row: {
    display: "grid",
    gridTemplateColumns: "1.4em 1fr 3em",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  // A meeting row: the column's name and its value on one line, the bar under them.
  meetingRow: {
    gridTemplateColumns: "1fr auto",
    rowGap: "2px",
    marginTop: tokens.spacingVerticalXS,
  },
  column: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyMonospace,
  },
  meetingColumn: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
    overflowWrap: "break-word",
  },
  track: {
    height: "12px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralStroke2,
    overflow: "hidden",
    "@media (forced-colors: active)": { border: "1px solid CanvasText", height: "14px" },
  },
  meetingTrack: { gridColumn: "1 / span 2", height: "20px" },
  fill: {
    height: "100%",
    borderRadius: tokens.borderRadiusSmall,
    background: "var(--bar-fill)",
    "@media (forced-colors: active)": { forcedColorAdjust: "none", background: "var(--bar-forced)" },
  },
  value: {
    fontSize: tokens.fontSizeBase300,
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground1,
  },
  meetingValue: {
    gridColumn: 2,
    gridRow: 1,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  // The group's name opens where its value comes from.
  toggle: {
    display: "block",
    width: "100%",
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  trace: {
    width: "100%",
    borderCollapse: "collapse",
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "& th, & td": {
      padding: `2px ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold, textAlign: "left", color: tokens.colorNeutralForeground2 },
  },
  traceName: { overflowWrap: "break-word" },
  traceNumber: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

export interface ScoreBarsProps {
  groups: GroupView[];
  max: number;
  s: Strings;
  /** projected: solid thick bars, the columns by name, values at 20 px and more */
  meeting?: boolean;
}

export function ScoreBars({ groups, max, s, meeting = false }: ScoreBarsProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ul className={mergeClasses(c.list, meeting && c.meetingList)}>
      {groups.map((g) => (
        <li key={g.key}>
          <div className={mergeClasses(c.name, meeting && c.meetingName)}>
            <button
              type="button"
              className={c.toggle}
              aria-expanded={open === g.key}
              aria-controls={`${g.key}-trace`}
              title={s.traceHint}
              onClick={() => setOpen(open === g.key ? null : g.key)}
            >
              <span className={c.label}>{g.label}</span>
              {g.name}
            </button>
          </div>
          {open === g.key && (
            <table id={`${g.key}-trace`} className={c.trace}>
              <caption className={shared.visuallyHidden}>{s.traceCaption(`${g.label} ${g.name}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.indicator}</th>
                  <th scope="col" className={c.traceNumber}>
                    {s.weight}
                  </th>
                  {g.bars.map((b) => (
                    <th key={b.key} scope="col" className={c.traceNumber} title={b.assessment}>
                      {b.column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.indicators.map((i) => (
                  <tr key={i.key}>
                    <td className={c.traceName}>
                      <span className={shared.indicatorCode}>{i.code}</span> {i.name}
                    </td>
                    <td className={c.traceNumber}>{i.weight}</td>
                    {i.levels.map((l, k) => (
                      <td key={k} className={c.traceNumber}>
                        {l}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {g.bars.map((b, k) => {
            const label = `${g.label} ${g.name} — ${b.assessment}`;
            const fill = {
              width: `${Math.max(0, Math.min(1, (b.value ?? 0) / max)) * 100}%`,
              "--bar-fill": meeting ? assessmentColor(k) : assessmentFill(k),
              "--bar-forced": assessmentForcedFill(k),
            } as CSSProperties;
            return (
              <div key={b.key} className={mergeClasses(c.row, meeting && c.meetingRow)}>
                <span className={mergeClasses(c.column, meeting && c.meetingColumn)} aria-hidden="true">
                  {meeting ? b.assessment : b.column}
                </span>
                {b.value !== null ? (
                  <div
                    className={mergeClasses(c.track, meeting && c.meetingTrack)}
                    role="meter"
                    aria-label={label}
                    aria-valuemin={0}
                    aria-valuemax={max}
                    aria-valuenow={b.value}
                    aria-valuetext={b.text}
                  >
                    <div className={c.fill} style={fill} />
                  </div>
                ) : (
                  <div className={mergeClasses(c.track, meeting && c.meetingTrack)}>
                    <span className={shared.visuallyHidden}>
                      {label}: {s.noValue}
                    </span>
                  </div>
                )}
                <span className={mergeClasses(c.value, meeting && c.meetingValue)} aria-hidden="true">
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
