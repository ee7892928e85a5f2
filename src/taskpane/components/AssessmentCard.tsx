/** One level column's result: index to 2 decimals and predicate, or "incomplete" while problems remain. */
import { makeStyles, tokens } from "@fluentui/react-components";
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
  index: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground1 },
  predicate: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  gloss: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  incomplete: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1, paddingTop: tokens.spacingVerticalXS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface AssessmentCardProps {
  assessment: AssessmentView;
  position: number;
  s: Strings;
}

export function AssessmentCard({ assessment: a, position, s }: AssessmentCardProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  return (
    <section className={c.card} style={{ borderLeftColor: assessmentColor(position) }} aria-label={a.title} data-column={a.column}>
      <span className={c.title}>{a.title}</span>
      {a.complete && a.index !== null ? (
        <>
          <span className={c.index} data-testid="index">
            <span className={shared.visuallyHidden}>{s.index} </span>
            {a.index}
          </span>
          <span className={c.predicate}>
            <span className={shared.visuallyHidden}>{s.predicate} </span>
            {a.predicate}
          </span>
          {a.predicateGloss && <span className={c.gloss}>{a.predicateGloss}</span>}
        </>
      ) : (
        <>
          <span className={c.incomplete}>{s.incomplete}</span>
          <span className={c.hint}>{s.incompleteHint(a.problemCount)}</span>
        </>
      )}
    </section>
  );
}
