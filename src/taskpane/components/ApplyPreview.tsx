/**
 * The short preview before anything is written: where, how much, everything of the
 * person's it touches or leaves (with the choice to keep their own validation), and,
 * when the workbook changed since, what changed.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { Strings } from "../i18n";
import { useSharedStyles } from "./sharedStyles";

export interface PreviewView {
  /** the workbook is being looked at; Apply waits for it */
  checking: boolean;
  sheets: string[];
  cells: number;
  templateCells: number;
  validations: number;
  conditionalFormats: number;
  skipped: { place: string; message: string }[];
  /** the empty cells of the person's sheets that are written, by place ("Sampul!C6") */
  writes: string[];
  /** their validation kept or replaced (a choice where they have one), a Text format changed */
  touches: { place: string; message: string; choice?: { key: string; replace: boolean } }[];
  /** what changed since the preview opened (the last Apply wrote nothing because of it) */
  changes: string[];
  /** why nothing can be written now */
  refusal: string | null;
  /** what this Excel cannot add, in the pane's language */
  unavailable: string[];
}

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  safe: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  p: { margin: `${tokens.spacingVerticalXS} 0` },
  changed: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground1 },
  // A narrow or zoomed pane: the dialog takes the whole pane, its content scrolls between a title and buttons that stay.
  surface: {
    "@media (max-width: 480px)": {
      width: "auto",
      maxWidth: "100vw",
      maxHeight: "100vh",
      margin: 0,
      padding: tokens.spacingHorizontalM,
    },
  },
  body: {
    "@media (max-width: 480px)": {
      display: "flex",
      flexDirection: "column",
      maxHeight: `calc(100vh - 2 * ${tokens.spacingHorizontalM})`,
    },
  },
  content: { "@media (max-width: 480px)": { flex: "1 1 auto", minHeight: "3em", overflowY: "auto" } },
  buttons: { "@media (max-width: 480px)": { flexShrink: 0, paddingTop: tokens.spacingVerticalS } },
});

export interface ApplyPreviewProps {
  preview: PreviewView | null;
  applying: boolean;
  s: Strings;
  onConfirm(): void;
  onCancel(): void;
  onToggleChoice(key: string): void;
}

export function ApplyPreview({ preview, applying, s, onConfirm, onCancel, onToggleChoice }: ApplyPreviewProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const cancel = useRef<HTMLButtonElement>(null);
  const open = preview !== null;
  useEffect(() => {
    // After the dialog's own focus handling has run.
    if (open) requestAnimationFrame(() => cancel.current?.focus());
  }, [open]);
  return (
    <Dialog open={preview !== null} modalType="modal" onOpenChange={(_, d) => !d.open && !applying && onCancel()}>
      <DialogSurface className={c.surface} aria-describedby="apply-preview-body">
        <DialogBody className={c.body}>
          <DialogTitle>{s.previewTitle}</DialogTitle>
          <DialogContent className={c.content} id="apply-preview-body">
            {preview && (
              <>
                {preview.changes.length > 0 && (
                  <div role="alert">
                    <p className={c.changed}>{s.previewChanged}</p>
                    <ul className={c.list}>
                      {preview.changes.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {preview.refusal && (
                  <p className={c.changed}>
                    {s.previewRefused} {preview.refusal}
                  </p>
                )}
                {preview.checking && <Spinner size="tiny" labelPosition="after" label={s.previewChecking} />}
                <p className={c.p}>{s.previewIntro}</p>
                <ul className={c.list}>
                  <li>{s.previewSheets(preview.sheets.join(", "))}</li>
                  <li>
                    {s.previewCells(preview.cells, preview.templateCells)}
                    {preview.writes.length > 0 && `: ${preview.writes.join(", ")}`}
                  </li>
                  {preview.validations > 0 && <li>{s.previewValidations(preview.validations)}</li>}
                  {preview.conditionalFormats > 0 && <li>{s.previewFormats(preview.conditionalFormats)}</li>}
                </ul>
                <p className={shared.muted}>{s.previewLiveFormulas}</p>
                {preview.unavailable.map((u) => (
                  <p key={u} className={shared.muted}>
                    {u}
                  </p>
                ))}
                {preview.skipped.length > 0 && (
                  <>
                    <p className={c.p}>{s.previewSkipped(preview.skipped.length)}</p>
                    <ul className={c.list}>
                      {preview.skipped.map((k) => (
                        <li key={k.place}>{k.message}</li>
                      ))}
                    </ul>
                  </>
                )}
                {preview.touches.length > 0 && (
                  <>
                    <p className={c.p}>{s.previewTouches}</p>
                    <ul className={c.list}>
                      {preview.touches.map((t) => (
                        <li key={t.place + t.message}>
                          {t.message}
                          {t.choice && (
                            <div>
                              <Checkbox
                                checked={t.choice.replace}
                                disabled={applying}
                                label={s.previewReplaceTheirs}
                                onChange={() => onToggleChoice(t.choice!.key)}
                              />
                            </div>
                          )}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <p className={c.safe}>{s.previewSafe}</p>
              </>
            )}
          </DialogContent>
          <DialogActions className={c.buttons}>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={applying || !preview || preview.checking || preview.refusal !== null}
              icon={applying ? <Spinner size="tiny" /> : undefined}
            >
              {applying ? s.applying : s.confirmApply}
            </Button>
            {/* Focus starts on Cancel: Enter pressed twice (once to open, once by habit) writes nothing. */}
            <Button ref={cancel} appearance="secondary" onClick={onCancel} disabled={applying}>
              {s.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
