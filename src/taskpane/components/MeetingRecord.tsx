/**
 * The meeting's record in the pane: every change seen since it opened, in order, each a
 * link to its cell, with who made it and what it did to its domain and the index. It can
 * be copied as plain text for the minutes, or written into a sheet of the workbook.
 */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Copy20Regular, DocumentTable20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { Strings } from "../i18n";
import { RecordLineView } from "../recordView";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  row: { flexDirection: "column", rowGap: "2px" },
  effect: { color: tokens.colorNeutralForeground2, overflowWrap: "break-word" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  status: { marginTop: tokens.spacingVerticalXS },
});

export interface MeetingRecordProps {
  lines: RecordLineView[];
  s: Strings;
  heading: "h2" | "h3";
  busy: boolean;
  /** the sheet the record was last written into */
  writtenTo: string | null;
  onSelect(sheet: string, cell: string): void;
  /** true once the text is on the clipboard */
  onCopy(): Promise<boolean>;
  onWrite(): void;
}

export function MeetingRecord({
  lines,
  s,
  heading: H,
  busy,
  writtenTo,
  onSelect,
  onCopy,
  onWrite,
}: MeetingRecordProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [copied, setCopied] = useState<boolean | null>(null);
  if (lines.length === 0) return null;
  return (
    <section aria-label={s.recordTitle(lines.length)}>
      <H className={shared.heading}>{s.recordTitle(lines.length)}</H>
      <p className={shared.muted}>{s.recordIntro}</p>
      <ol className={shared.list}>
        {lines.map((l) => (
          <li key={l.key}>
            <button
              type="button"
              className={mergeClasses(shared.cellButton, c.row)}
              onClick={() => onSelect(l.sheet, l.cell)}
              title={s.goTo(`${l.sheet}!${l.cell}`)}
            >
              <span className={shared.grow}>
                {l.what} ({s.recordBy} {l.who})
              </span>{" "}
              <span className={c.effect}>{l.effect}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className={c.actions}>
        <Button
          size="small"
          icon={<Copy20Regular />}
          onClick={() => {
            void onCopy().then(setCopied);
          }}
        >
          {s.recordCopy}
        </Button>
        <Button size="small" icon={<DocumentTable20Regular />} onClick={onWrite} disabled={busy}>
          {s.recordWrite}
        </Button>
      </div>
      <p className={mergeClasses(shared.muted, c.status)} role="status">
        {copied === true ? s.recordCopied : copied === false ? s.recordCopyFailed : ""}
        {writtenTo ? ` ${s.recordWritten(writtenTo)}` : ""}
      </p>
    </section>
  );
}
