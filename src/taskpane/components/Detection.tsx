/** What the pane found and why: sheet, header row, level columns, framework. Folded by default. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Strings } from "../i18n";
import { DetectionView } from "../view";

const useStyles = makeStyles({
  details: {
    marginTop: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  summary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: `${tokens.spacingVerticalXS} 0 0`,
  },
  term: { color: tokens.colorNeutralForeground2 },
  def: { margin: 0, overflowWrap: "break-word" },
  notes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function Detection({ detection: d, s }: { detection: DetectionView; s: Strings }) {
  const c = useStyles();
  const rows: [string, string][] = [
    [s.sheet, d.sheet],
    [s.headerRow, String(d.headerRow)],
    [s.indicatorRows, String(d.indicatorRows)],
    [s.levelColumns, d.levelColumns],
    [s.framework, d.framework],
    [s.why, d.reason],
    ...(d.statusNote ? [[s.statusNoteLabel, d.statusNote] as [string, string]] : []),
  ];
  return (
    <details className={c.details}>
      <summary className={c.summary}>{s.detected}</summary>
      <dl className={c.grid}>
        {rows.map(([term, def]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={c.term}>{term}</dt>
            <dd className={c.def}>{def}</dd>
          </div>
        ))}
      </dl>
      {d.notes.length > 0 && (
        <ul className={c.notes}>
          {d.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
