/**
 * After the pane selects a cell for the person: where it is, and that the keyboard is
 * still in the pane. Office.js has no call that moves keyboard focus from a task pane into
 * the grid (`Range.select` changes the selection only), so the pane says what to do
 * instead. It stands at the foot of the visible pane, wherever the link was, and is
 * announced politely; it goes when the workbook is read again or when it is closed.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { Strings } from "../i18n";

const useStyles = makeStyles({
  // The live region itself sticks to the foot of the pane; empty, it takes no room.
  foot: { position: "sticky", bottom: 0, zIndex: 1 },
  hint: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "break-word",
  },
  text: { flexGrow: 1, minWidth: 0, margin: 0 },
});

export interface JumpHintProps {
  jumped: { sheet: string; cell: string } | null;
  s: Strings;
  onClose(): void;
}

export function JumpHint({ jumped, s, onClose }: JumpHintProps) {
  const c = useStyles();
  return (
    <div className={c.foot} role="status" data-testid="jump-hint">
      {jumped && (
        <div className={c.hint}>
          <p className={c.text}>{s.jumpHint(jumped.cell, jumped.sheet)}</p>
          <Button
            appearance="transparent"
            size="small"
            icon={<Dismiss16Regular />}
            aria-label={s.closeJumpHint}
            onClick={onClose}
          />
        </div>
      )}
    </div>
  );
}
