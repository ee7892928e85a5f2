/**
 * Indicators below the low-score threshold, per level column: how many of the indicators
 * they are ("19 dari 20"), ordered by what the index gains if each rises one level, the
 * few that gain most marked, so a list of nearly everything still says where to start.
 * Clicking one selects its cell.
 */
import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { LowGroupView } from "../view";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  external: { marginLeft: tokens.spacingHorizontalXS },
  group: {
    margin: `${tokens.spacingVerticalS} 0 2px`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  order: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  // The level over its gain, one narrow column, so the name keeps the width of the row.
  figures: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    flexShrink: 0,
  },
  top: { display: "table", marginTop: "2px" },
  gain: {
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
  },
  topGain: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});

export interface LowScoreListProps {
  groups: LowGroupView[];
  threshold: string;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
}

export function LowScoreList({ groups, threshold, s, onSelect }: LowScoreListProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  if (groups.length === 0) return <p className={shared.muted}>{s.noLowScores(threshold)}</p>;
  return (
    <>
      <p className={mergeClasses(shared.muted, c.order)}>{s.lowOrder}</p>
      {groups.map((g) => (
        <div key={g.key}>
          <h4 className={c.group}>{`${g.title} · ${g.summary}`}</h4>
          <ol className={shared.list} aria-label={`${g.title}: ${g.summary}`}>
            {g.items.map((l) => (
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
                    {l.top && (
                      <>
                        {" "}
                        <Badge
                          className={mergeClasses(c.top, shared.wrappingBadge)}
                          appearance="filled"
                          color="important"
                          size="small"
                        >
                          {s.lowTop}
                        </Badge>
                      </>
                    )}
                  </span>{" "}
                  <span className={c.figures}>
                    <span className={shared.levelValue}>
                      <span className={shared.visuallyHidden}>{s.level} </span>
                      {l.value}
                    </span>{" "}
                    <span className={mergeClasses(c.gain, l.top && c.topGain)}>
                      <span className={shared.visuallyHidden}>{s.lowGain} </span>
                      {l.gain}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
