/** The problems found, each with its code and message; clicking one selects its cell in Excel. */
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { Strings } from "../i18n";
import { ProblemView } from "../view";
import { useSharedStyles } from "./sharedStyles";

const SHOWN = 25;

const useStyles = makeStyles({
  badges: { display: "flex", flexDirection: "column", rowGap: "2px", flexShrink: 0, alignItems: "flex-start", minWidth: "7.5em" },
  more: { marginTop: tokens.spacingVerticalXS },
});

export interface ProblemListProps {
  problems: ProblemView[];
  s: Strings;
  onSelect(sheet: string, cell: string): void;
}

export function ProblemList({ problems, s, onSelect }: ProblemListProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [all, setAll] = useState(false);
  if (problems.length === 0) return <p className={shared.muted}>{s.noProblems}</p>;
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <>
      <ul className={shared.list}>
        {shown.map((p) => {
          const badges = (
            <span className={c.badges}>
              <Badge appearance="tint" size="small" color={p.severity === "error" ? "danger" : "warning"}>
                {p.code}
              </Badge>
              {p.external && (
                <Badge appearance="outline" size="small" color="informative">
                  {s.external}
                </Badge>
              )}
            </span>
          );
          return (
            <li key={p.key}>
              {p.cell ? (
                <button type="button" className={shared.cellButton} onClick={() => onSelect(p.sheet, p.cell!)} title={s.goTo(`${p.sheet}!${p.cell}`)}>
                  {badges}
                  <span className={shared.grow}>
                    <span className={shared.visuallyHidden}>{p.severity === "error" ? s.error : s.warning}: </span>
                    {p.message}
                  </span>
                  <span className={shared.cellTag}>{p.cell}</span>
                </button>
              ) : (
                <div className={shared.plainRow}>
                  {badges}
                  <span className={shared.grow}>{p.message}</span>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {!all && problems.length > SHOWN && (
        <Button className={c.more} appearance="secondary" size="small" onClick={() => setAll(true)}>
          {s.showAll(problems.length)}
        </Button>
      )}
    </>
  );
}
