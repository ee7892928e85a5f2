/**
 * One level column's result: index to 2 decimals and predicate; while a level is invalid,
 * the last index it had, marked out of date, with the cell and the reason beside it (a
 * link to the cell); "not filled" while the column is empty; how many of its level cells
 * hold something; and, for a few seconds after a change, how far the index moved. Cards
 * sit in one grid whose rows they share, so the indices of two columns stand side by side
 * however their titles wrap.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import { IndexChange } from "../changeCue";
import { Strings } from "../i18n";
import { AssessmentView } from "../view";
import { assessmentColor, assessmentEdge } from "./assessmentColor";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  card: {
    display: "grid",
    gridRow: "span 4",
    gridTemplateRows: "subgrid",
    rowGap: "2px",
    alignItems: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    minWidth: 0,
    // Windows high contrast: a whole border in the system's text colour, each column its own line style.
    "@media (forced-colors: active)": {
      border: "2px solid CanvasText",
      borderLeftWidth: "8px",
      borderLeftStyle: "var(--column-edge)" as "solid",
    },
  },
  meetingCard: { borderLeftWidth: "8px", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  title: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "break-word",
    hyphens: "auto",
  },
  meetingTitle: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    alignSelf: "end",
  },
  index: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground1,
  },
  // Projected across a room: at least 48 px, larger where the pane is wider, two cards still side by side.
  meetingIndex: { fontSize: "max(48px, min(15vw, 72px))", lineHeight: "1.15", letterSpacing: "-0.02em" },
  staleIndex: {
    color: tokens.colorNeutralForeground3,
    textDecorationLine: "underline",
    textDecorationStyle: "dashed",
    textDecorationThickness: "2px",
    textUnderlineOffset: "6px",
  },
  staleTag: {
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textDecorationLine: "none",
    display: "inline-block",
  },
  change: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  predicate: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  meetingPredicate: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  gloss: { display: "block", fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  reason: {
    display: "block",
    gridRow: "span 2",
    width: "100%",
    textAlign: "left",
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground1,
    overflowWrap: "break-word",
    cursor: "pointer",
    textDecorationLine: "underline",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  meetingReason: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  incomplete: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground1,
    paddingTop: tokens.spacingVerticalXS,
  },
  empty: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalXS,
  },
  hint: { display: "block", fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  fill: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2,
  },
  track: {
    height: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralStroke2,
    overflow: "hidden",
    "@media (forced-colors: active)": { border: "1px solid CanvasText" },
  },
  bar: {
    height: "100%",
    backgroundColor: tokens.colorNeutralForeground3,
    "@media (forced-colors: active)": { forcedColorAdjust: "none", backgroundColor: "CanvasText" },
  },
});

export interface AssessmentCardProps {
  assessment: AssessmentView;
  position: number;
  /** how far the index just moved, while it is shown */
  change: IndexChange | null;
  /** projected: larger figures, the title as the column's name */
  meeting?: boolean;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
}

export function AssessmentCard({ assessment: a, position, change, meeting = false, s, onSelect }: AssessmentCardProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const figure = (text: string, stale: boolean) => (
    <span className={c.line}>
      <span
        className={mergeClasses(c.index, meeting && c.meetingIndex, stale && c.staleIndex)}
        data-testid={stale ? "stale-index" : "index"}
      >
        <span className={shared.visuallyHidden}>{stale ? s.staleLabel : s.index} </span>
        {text}
      </span>
      {/* The live region says the change in words; this is for the eye. */}
      {!stale && change && (
        <span
          className={mergeClasses(c.change, change.direction === "up" ? c.up : c.down)}
          aria-hidden="true"
          data-testid="change"
        >
          {change.text}
        </span>
      )}
    </span>
  );
  let second: JSX.Element;
  let third: JSX.Element;
  if (a.complete && a.index !== null) {
    second = figure(a.index, false);
    third = (
      <span className={mergeClasses(c.predicate, meeting && c.meetingPredicate)}>
        <span className={shared.visuallyHidden}>{s.predicate} </span>
        {a.predicate}
        {a.predicateGloss && <span className={c.gloss}>{a.predicateGloss}</span>}
      </span>
    );
  } else if (a.stale) {
    const st = a.stale;
    second = figure(st.index, true);
    // The reason takes the rows of the predicate and the fill, so the card keeps its height.
    const words = (
      <>
        <span className={c.staleTag} aria-hidden="true">
          {s.stale}
        </span>{" "}
        {st.reason}
      </>
    );
    third = st.cell ? (
      <button
        type="button"
        className={mergeClasses(c.reason, meeting && c.meetingReason)}
        onClick={() => onSelect(st.sheet, st.cell!)}
        title={s.goTo(`${st.sheet}!${st.cell}`)}
        data-testid="stale-reason"
      >
        {words}
      </button>
    ) : (
      <span className={mergeClasses(c.reason, meeting && c.meetingReason)} data-testid="stale-reason">
        {words}
      </span>
    );
  } else if (a.empty) {
    second = <span className={c.empty}>{s.notFilled}</span>;
    third = <span className={c.hint}>{s.notFilledHint(a.total)}</span>;
  } else {
    second = <span className={c.incomplete}>{s.incomplete}</span>;
    third = <span className={c.hint}>{s.incompleteHint(a.problemCount)}</span>;
  }
  return (
    <section
      className={mergeClasses(c.card, meeting && c.meetingCard)}
      style={{ borderLeftColor: assessmentColor(position), "--column-edge": assessmentEdge(position) } as CSSProperties}
      aria-label={a.title}
      data-column={a.column}
    >
      <span className={mergeClasses(c.title, meeting && c.meetingTitle)}>{a.title}</span>
      {second}
      {third}
      {a.stale && !a.complete ? null : a.total > 0 ? (
        <span className={c.fill}>
          <span aria-label={s.fillLabel(a.title, a.filled, a.total)} role="img" className={shared.figure}>
            {s.filled(a.filled, a.total)}
          </span>
          <span className={c.track} aria-hidden="true">
            <span className={c.bar} style={{ display: "block", width: `${(a.filled / a.total) * 100}%` }} />
          </span>
        </span>
      ) : (
        <span />
      )}
    </section>
  );
}
