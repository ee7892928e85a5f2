/**
 * What a meeting argues about, right under the results: the indicators where the two
 * columns differ, largest effect on the index first, the largest marked; each a link to
 * the cell where the agreed level is written, with the index the second column would
 * have if the first column's value were accepted. The first few show; the rest on request.
 */
import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { Strings } from "../i18n";
import { ReconciliationView } from "../toolsView";
import { useSharedStyles } from "./sharedStyles";

const SHOWN = 5;

const useStyles = makeStyles({
  intro: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  row: { flexDirection: "column", rowGap: "2px" },
  name: { display: "block", minWidth: 0, overflowWrap: "break-word" },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    fontVariantNumeric: "tabular-nums",
  },
  impact: { fontWeight: tokens.fontWeightSemibold },
  down: { color: tokens.colorPaletteRedForeground2 },
  up: { color: tokens.colorPaletteGreenForeground2 },
  accepted: { color: tokens.colorNeutralForeground2 },
  meeting: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  more: { marginTop: tokens.spacingVerticalXS, alignSelf: "flex-start" },
});

export interface AgendaProps {
  view: ReconciliationView;
  s: Strings;
  meeting?: boolean;
  heading: "h3" | "h4";
  onSelect(sheet: string, cell: string): void;
}

export function Agenda({ view: v, s, meeting = false, heading: H, onSelect }: AgendaProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [all, setAll] = useState(false);
  if (v.differences.length === 0) return null;
  const shown = all ? v.differences : v.differences.slice(0, SHOWN);
  return (
    <>
      <H className={shared.heading}>{s.agendaTitle(v.differences.length)}</H>
      {v.gap !== null && v.from.index && v.to.index && (
        <p className={mergeClasses(shared.muted, c.intro)}>
          {s.agendaIntro(`${v.from.title} ${v.from.index}`, `${v.to.title} ${v.to.index}`, v.gap)}
        </p>
      )}
      <ol className={shared.list}>
        {shown.map((d, k) => {
          const tone = d.impact.startsWith("−") ? c.down : d.impact.startsWith("+") ? c.up : undefined;
          const content = (
            <>
              <span className={c.name}>
                <span className={shared.indicatorCode}>{d.code}</span> {d.name}
              </span>
              <span className={c.figures}>
                {d.cell && <span className={shared.cellTag}>{d.cell}</span>}
                <span>
                  <span className={shared.visuallyHidden}>{s.level} </span>
                  {d.from} → {d.to}
                </span>
                <span className={mergeClasses(c.impact, tone)}>
                  <span className={shared.visuallyHidden}>{s.impact} </span>
                  {d.impact}
                </span>
                {d.ifAccepted && <span className={c.accepted}>{s.agendaIfAccepted(d.ifAccepted)}</span>}
                {k === 0 && (
                  <Badge appearance="filled" color="important" size="medium">
                    {s.agendaLargest}
                  </Badge>
                )}
              </span>
            </>
          );
          return (
            <li key={d.key}>
              {d.cell ? (
                <button
                  type="button"
                  className={mergeClasses(shared.cellButton, c.row, meeting && c.meeting)}
                  onClick={() => onSelect(d.sheet, d.cell!)}
                  title={s.goTo(`${d.sheet}!${d.cell}`)}
                >
                  {content}
                </button>
              ) : (
                <div className={mergeClasses(shared.plainRow, c.row, meeting && c.meeting)}>{content}</div>
              )}
            </li>
          );
        })}
      </ol>
      {!all && v.differences.length > SHOWN && (
        <Button className={c.more} appearance="secondary" size="small" onClick={() => setAll(true)}>
          {s.showAll(v.differences.length)}
        </Button>
      )}
    </>
  );
}
