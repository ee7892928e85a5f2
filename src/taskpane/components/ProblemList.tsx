/** The problems found, each with its code, cell and message; clicking one selects its cell in Excel. */
import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { Strings } from "../i18n";
import { ProblemView } from "../view";
import { useSharedStyles } from "./sharedStyles";

const SHOWN = 25;

const useStyles = makeStyles({
  row: { flexDirection: "column", rowGap: "2px" },
  top: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: `2px ${tokens.spacingHorizontalXS}`,
    width: "100%",
  },
  spacer: { flexGrow: 1 },
  more: { marginTop: tokens.spacingVerticalXS },
});

export interface ProblemListProps {
  problems: ProblemView[];
  /** what the list says when it is empty */
  none?: string;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
}

export function ProblemList({ problems, none, s, onSelect }: ProblemListProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [all, setAll] = useState(false);
  if (problems.length === 0) return <p className={shared.muted}>{none ?? s.noProblems}</p>;
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <>
      <ul className={shared.list}>
        {shown.map((p) => {
          const content = (
            <>
              <span className={c.top}>
                <Badge
                  className={shared.wrappingBadge}
                  appearance="tint"
                  size="medium"
                  color={p.severity === "error" ? "danger" : "warning"}
                >
                  {p.codeText}
                </Badge>{" "}
                {p.external && (
                  <Badge className={shared.wrappingBadge} appearance="outline" size="medium" color="informative">
                    {s.external}
                  </Badge>
                )}
                <span className={c.spacer} />
                {p.cell && <span className={shared.cellTag}>{p.cell}</span>}
              </span>{" "}
              <span className={shared.grow}>
                <span className={shared.visuallyHidden}>{p.severity === "error" ? s.error : s.warning}: </span>
                {p.message}
              </span>
            </>
          );
          return (
            <li key={p.key}>
              {p.cell ? (
                <button
                  type="button"
                  className={mergeClasses(shared.cellButton, c.row)}
                  onClick={() => onSelect(p.sheet, p.cell!)}
                  title={s.goTo(`${p.sheet}!${p.cell}`)}
                >
                  {content}
                </button>
              ) : (
                <div className={mergeClasses(shared.plainRow, c.row)}>{content}</div>
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
