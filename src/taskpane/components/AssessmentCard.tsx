/**
 * One level column's result: index to 2 decimals and predicate, or "incomplete" while
 * problems remain, or "not filled" while the column is empty; how many of its level cells
 * hold something; and, for a few seconds after a change, how far the index moved.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { IndexChange } from "../changeCue";
import { Strings } from "../i18n";
import { AssessmentView } from "../view";
import { assessmentColor } from "./assessmentColor";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    minWidth: 0,
  },
  title: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  line: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  index: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground1,
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
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  gloss: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
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
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  fill: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  track: {
    height: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralStroke2,
    overflow: "hidden",
  },
  bar: { height: "100%", backgroundColor: tokens.colorNeutralForeground3 },
});

export interface AssessmentCardProps {
  assessment: AssessmentView;
  position: number;
  /** how far the index just moved, while it is shown */
  change: IndexChange | null;
  s: Strings;
}

export function AssessmentCard({ assessment: a, position, change, s }: AssessmentCardProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  return (
    <section
      className={c.card}
      style={{ borderLeftColor: assessmentColor(position) }}
      aria-label={a.title}
      data-column={a.column}
    >
      <span className={c.title}>{a.title}</span>
      {a.complete && a.index !== null ? (
        <>
          <span className={c.line}>
            <span className={c.index} data-testid="index">
              <span className={shared.visuallyHidden}>{s.index} </span>
              {a.index}
            </span>
            {/* The live region says the change in words; this is for the eye. */}
            {change && (
              <span
                className={mergeClasses(c.change, change.direction === "up" ? c.up : c.down)}
                aria-hidden="true"
                data-testid="change"
              >
                {change.text}
              </span>
            )}
          </span>
          <span className={c.predicate}>
            <span className={shared.visuallyHidden}>{s.predicate} </span>
            {a.predicate}
          </span>
          {a.predicateGloss && <span className={c.gloss}>{a.predicateGloss}</span>}
        </>
      ) : a.empty ? (
        <>
          <span className={c.empty}>{s.notFilled}</span>
          <span className={c.hint}>{s.notFilledHint(a.total)}</span>
        </>
      ) : (
        <>
          <span className={c.incomplete}>{s.incomplete}</span>
          <span className={c.hint}>{s.incompleteHint(a.problemCount)}</span>
        </>
      )}
      {a.total > 0 && (
        <span className={c.fill}>
          <span aria-label={s.fillLabel(a.title, a.filled, a.total)} role="img" className={shared.figure}>
            {s.filled(a.filled, a.total)}
          </span>
          <span className={c.track} aria-hidden="true">
            <span className={c.bar} style={{ display: "block", width: `${(a.filled / a.total) * 100}%` }} />
          </span>
        </span>
      )}
    </section>
  );
}
