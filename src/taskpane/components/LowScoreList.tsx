/** Indicators below the low-score threshold, per level column; clicking one selects its cell. */
import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { AssessmentView, LowScoreView } from "../view";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  external: { marginLeft: tokens.spacingHorizontalXS },
  group: {
    margin: `${tokens.spacingVerticalS} 0 2px`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
});

export interface LowScoreListProps {
  lowScores: LowScoreView[];
  /** the level columns, to group the list under their titles */
  assessments: AssessmentView[];
  threshold: string;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
}

export function LowScoreList({ lowScores, assessments, threshold, s, onSelect }: LowScoreListProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  if (lowScores.length === 0) return <p className={shared.muted}>{s.noLowScores(threshold)}</p>;
  const groups = assessments
    .map((a) => ({ a, items: lowScores.filter((l) => l.column === a.column) }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      {groups.map(({ a, items }) => (
        <div key={a.key}>
          {assessments.length > 1 && (
            <h4 className={c.group}>
              {a.title} · {items.length}
            </h4>
          )}
          <ul className={shared.list}>
            {items.map((l) => (
              <li key={l.key}>
                <button
                  type="button"
                  className={shared.cellButton}
                  onClick={() => onSelect(l.sheet, l.cell)}
                  title={s.goTo(`${l.sheet}!${l.cell}`)}
                >
                  {/* Spaces between the parts, so a screen reader does not run them together. */}
                  <span className={shared.cellTag}>{l.cell}</span>{" "}
                  <span className={shared.grow}>
                    <span className={shared.indicatorCode}>{l.indicatorCode}</span> {l.indicatorName}{" "}
                    {l.external && (
                      <Badge
                        className={mergeClasses(c.external, shared.wrappingBadge)}
                        appearance="outline"
                        size="small"
                        color="informative"
                      >
                        {s.external}
                      </Badge>
                    )}
                  </span>{" "}
                  <span className={shared.levelValue}>
                    <span className={shared.visuallyHidden}>{s.level} </span>
                    {l.value}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
