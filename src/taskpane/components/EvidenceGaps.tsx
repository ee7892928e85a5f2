/**
 * Levels claimed above 1 with an empty evidence cell, per level column: counted per domain
 * (per aspect where the framework has no domains), then listed; clicking one selects the
 * evidence cell to fill.
 */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { EvidenceView } from "../toolsView";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  group: {
    margin: `${tokens.spacingVerticalS} 0 2px`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
  },
  term: { margin: 0, minWidth: 0, overflowWrap: "break-word", color: tokens.colorNeutralForeground1 },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  count: { margin: 0, textAlign: "right" },
});

export interface EvidenceGapsProps {
  view: EvidenceView;
  s: Strings;
  headingLevel: 5 | 6;
  onSelect(sheet: string, cell: string): void;
}

export function EvidenceGaps({ view, s, headingLevel, onSelect }: EvidenceGapsProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const H = headingLevel === 5 ? "h5" : "h6";
  if (view.count === 0) return <p className={shared.muted}>{s.evidenceNone}</p>;
  return (
    <>
      <p className={shared.muted}>{s.evidenceIntro(view.column)}</p>
      {view.assessments.map((a) => (
        <div key={a.key}>
          <H className={c.group}>
            {a.title} · {a.gaps.length}
          </H>
          <dl className={c.counts}>
            {a.groups.map((g) => (
              <div key={g.key} style={{ display: "contents" }}>
                <dt className={c.term}>
                  <span className={c.label}>{g.label}</span>
                  {g.name}
                </dt>
                <dd className={c.count}>
                  <Badge
                    appearance={g.count === 0 ? "outline" : "tint"}
                    color={g.count === 0 ? "informative" : "warning"}
                    size="small"
                  >
                    {g.count}
                  </Badge>
                </dd>
              </div>
            ))}
          </dl>
          <ul className={shared.list}>
            {a.gaps.map((g) => (
              <li key={g.key}>
                {g.cell ? (
                  <button
                    type="button"
                    className={shared.cellButton}
                    onClick={() => onSelect(g.sheet, g.cell!)}
                    title={s.goTo(`${g.sheet}!${g.cell}`)}
                  >
                    <span className={shared.cellTag}>{g.cell}</span>{" "}
                    <span className={shared.grow}>
                      <span className={shared.indicatorCode}>{g.code}</span> {g.name}
                    </span>{" "}
                    <span className={shared.levelValue}>
                      <span className={shared.visuallyHidden}>{s.level} </span>
                      {g.level}
                    </span>
                  </button>
                ) : (
                  <div className={shared.plainRow}>
                    <span className={shared.grow}>
                      <span className={shared.indicatorCode}>{g.code}</span> {g.name}
                    </span>{" "}
                    <span className={shared.levelValue}>{g.level}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
