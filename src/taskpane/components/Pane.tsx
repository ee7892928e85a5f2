/**
 * The whole task pane, laid out from plain data: a skip link to the tools, header and
 * actions, messages, each table's results, settings and the apply preview. State and
 * intents come as props. Focus goes back to the control that opened a dialog or panel.
 */
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowSync20Regular,
  Dismiss20Regular,
  LocalLanguage20Regular,
  Settings20Regular,
  TableArrowUp20Regular,
} from "@fluentui/react-icons";
import { ReactElement, useEffect, useRef, useState } from "react";
import { useChangeCues } from "../changeCue";
import { Strings } from "../i18n";
import { ToolsView } from "../toolsView";
import { PaneView } from "../view";
import type { PreviewView } from "./ApplyPreview";
import type { ToolsIntents } from "./AssessorTools";
import type { ExternalIndicatorsProps } from "./ExternalIndicators";
import { JumpHint } from "./JumpHint";
import { whenIdle } from "../chunks";
import type { MeetingRecordProps } from "./MeetingRecord";
import { LazyPreview, LazyRecord, LazySettings, preloadParts } from "./parts";
import type { SettingsPanelProps } from "./SettingsPanel";
import { tableIds, TableSection } from "./TableSection";
import { useSharedStyles } from "./sharedStyles";
import { WorkbookNotices, WorkbookNoticesProps } from "./WorkbookNotices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  // One compact row of commands, so the result starts near the top of the pane.
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  spacer: { flexGrow: 1 },
  // Projected: every heading and sentence at 20 px, like the values.
  meeting: {
    "& h2, & h3": { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
    "& p": { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  },
  meetingSwitch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  loading: { paddingTop: tokens.spacingVerticalXXL },
  unavailable: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  alsoEnglish: { marginTop: tokens.spacingVerticalXS },
  divider: {
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: `${tokens.spacingVerticalL} 0 0`,
    width: "100%",
  },
  // Out of sight until a keyboard reaches it, then the first thing on the pane.
  skip: {
    position: "absolute",
    left: tokens.spacingHorizontalM,
    top: "-100px",
    zIndex: 2,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    boxShadow: tokens.shadow8,
    fontSize: tokens.fontSizeBase300,
    ":focus": { top: tokens.spacingVerticalS, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/** A command whose code is on its way: a named spinner for its icon, busy, and a click does nothing meanwhile. */
function whileFetching(fetching: boolean, label: string, icon: ReactElement, onClick: () => void) {
  return {
    icon: fetching ? <Spinner size="extra-tiny" aria-label={label} /> : icon,
    onClick: fetching ? undefined : onClick,
    "aria-busy": fetching || undefined,
  };
}

/** How long the confirmation of an apply stays. */
const APPLIED_MS = 12000;

export interface PaneProps {
  s: Strings;
  view: PaneView | null;
  reading: boolean;
  live: boolean;
  /** what this Excel cannot do, in the pane's language */
  unavailable: string[];
  error: string | null;
  appliedSheet: string | null;
  appliedCells: number;
  /** what the last apply could not write on this Excel, in the pane's language */
  appliedSkipped: string[];
  /** what of the person's the last apply left as it was, and where the result is instead */
  appliedLeft: string[];
  preview: PreviewView | null;
  /** Apply was pressed and its code is being fetched */
  previewLoading: boolean;
  applying: boolean;
  settings: Omit<SettingsPanelProps, "s" | "onClose">;
  onRefresh(): void;
  onApply(): void;
  onConfirmApply(): void;
  onCancelApply(): void;
  onToggleChoice(key: string): void;
  onSelect(sheet: string, cell: string): void;
  onSwitchLanguage(): void;
  /** English's words are being fetched for the language button */
  languageLoading?: boolean;
  onDismiss(): void;
  /** the cell the pane last selected for the person, while the hint about the keyboard stands */
  jumped?: { sheet: string; cell: string } | null;
  onCloseJumpHint?(): void;
  /** what the error offers to do again (Apply or English, when their code could not be fetched) */
  onRetry?: () => void;
  /** the retry's label, where it is not the pane's own "try again" */
  retryLabel?: string;
  /** the error in English as well, where the pane had to fall back to Indonesian */
  errorInEnglish?: string | null;
  /** projected: commands hidden, figures enlarged */
  meeting: boolean;
  onMeeting(on: boolean): void;
  record: Pick<MeetingRecordProps, "lines" | "writtenTo" | "onCopy" | "onWrite">;
  convert: ExternalIndicatorsProps["convert"];
  /** the assessor tools of each table, in the order of view.tables */
  tools: ToolsView[] | null;
  toolsIntents: ToolsIntents;
  /** what the pane says about Excel itself (Manual calculation, formats it could not list) */
  excel: Omit<WorkbookNoticesProps, "s">;
}

export function Pane(p: PaneProps) {
  const { s, view } = p;
  const c = useStyles();
  const shared = useSharedStyles();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [olderSeen, setOlderSeen] = useState(false);
  const meeting = p.meeting;
  const [toolsRequest, setToolsRequest] = useState(0);
  const { cues, announcement } = useChangeCues(view, s);
  const canApply = !!view && view.tables.length > 0 && !p.applying;
  const applyButton = useRef<HTMLButtonElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  // The error and the success message close the same way.
  const dismissButton = (
    <Button appearance="transparent" aria-label={s.dismiss} icon={<Dismiss20Regular />} onClick={p.onDismiss} />
  );
  const dismissAction = <MessageBarActions containerAction={dismissButton} />;
  // When the preview closes (cancelled, or applied), focus goes back to the button that opened it.
  const previewOpen = p.preview !== null;
  const wasOpen = useRef(previewOpen);
  useEffect(() => {
    if (wasOpen.current && !previewOpen) requestAnimationFrame(() => applyButton.current?.focus());
    wasOpen.current = previewOpen;
  }, [previewOpen]);
  // The confirmation goes by itself after a while (what this Excel skipped stays until closed).
  const { appliedSheet, appliedSkipped, onDismiss } = p;
  useEffect(() => {
    if (!appliedSheet || appliedSkipped.length > 0) return;
    const timer = setTimeout(onDismiss, APPLIED_MS);
    return () => clearTimeout(timer);
  }, [appliedSheet, appliedSkipped.length, onDismiss]);
  // Once the first result is on screen, the parts a click may ask for next are fetched while the pane is idle.
  const shown = !!view;
  useEffect(() => {
    if (!shown) return;
    return whenIdle(() => void preloadParts().catch(() => undefined));
  }, [shown]);
  // The preview's code comes with the first Apply and then stays, so the dialog can close with its motion.
  const [previewWanted, setPreviewWanted] = useState(false);
  if (previewOpen && !previewWanted) setPreviewWanted(true);
  const closeSettings = () => {
    setSettingsOpen(false);
    requestAnimationFrame(() => settingsButton.current?.focus());
  };
  const hasTools = !!p.tools && p.tools.length > 0 && !!view && view.tables.length > 0;
  return (
    <main
      className={mergeClasses(c.root, meeting && c.meeting)}
      aria-busy={p.reading || p.applying || p.previewLoading || !!p.languageLoading}
    >
      {hasTools && (
        <a
          className={c.skip}
          href={`#${tableIds(view.tables[0].key).panel}`}
          onClick={(e) => {
            e.preventDefault();
            setToolsRequest((n) => n + 1);
          }}
        >
          {s.skipToTools}
        </a>
      )}
      {/* Office shows the add-in's name above the pane; the heading is for screen readers. */}
      <h1 className={shared.visuallyHidden}>{s.appTitle}</h1>
      <div className={c.actions} role="toolbar" aria-label={s.appTitle}>
        {!meeting && (
          <>
            <Button
              ref={applyButton}
              appearance="primary"
              {...whileFetching(!!p.previewLoading, s.parts.apply.loading, <TableArrowUp20Regular />, p.onApply)}
              disabled={!canApply}
              disabledFocusable={p.applying}
            >
              {s.apply}
            </Button>
            <Button
              appearance="subtle"
              icon={<ArrowSync20Regular />}
              onClick={p.onRefresh}
              aria-label={s.refresh}
              title={p.live ? `${s.refreshHint}. ${s.liveOn}` : s.refreshHint}
            />
            <Button
              ref={settingsButton}
              appearance="subtle"
              icon={settingsOpen ? <Dismiss20Regular /> : <Settings20Regular />}
              onClick={() => (settingsOpen ? closeSettings() : setSettingsOpen(true))}
              aria-label={s.settings}
              title={s.settings}
              aria-expanded={settingsOpen}
              aria-controls="settings-panel"
            />
            <Button
              appearance="subtle"
              {...whileFetching(
                !!p.languageLoading,
                s.parts.en.loading,
                <LocalLanguage20Regular />,
                p.onSwitchLanguage,
              )}
              aria-label={s.switchLanguageLabel}
              title={s.switchLanguageLabel}
              lang={s.lang === "id" ? "en" : "id"}
            >
              {s.switchLanguageShort}
            </Button>
          </>
        )}
        <span className={c.spacer} />
        {p.reading && view && <Spinner size="extra-tiny" aria-label={s.loading} />}
        <Switch
          className={c.meetingSwitch}
          label={s.meeting}
          checked={meeting}
          onChange={(_, d) => p.onMeeting(d.checked)}
          title={s.meetingHint}
        />
      </div>
      {/* The dialog draws over the pane; here, its spinner shows under the command it answers. */}
      {previewWanted && (
        <LazyPreview
          preview={p.preview}
          applying={p.applying}
          s={s}
          onConfirm={p.onConfirmApply}
          onCancel={p.onCancelApply}
          onToggleChoice={p.onToggleChoice}
        />
      )}
      {/* Says the new index and predicate after a change; "loading" only before the first reading. */}
      <div aria-live="polite" className={shared.visuallyHidden} data-testid="live">
        {announcement || (p.reading && !view ? s.loading : "")}
      </div>
      {p.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {p.error}
            {p.errorInEnglish && (
              <div lang="en" className={c.alsoEnglish}>
                {p.errorInEnglish}
              </div>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={dismissButton}>
            {p.onRetry && <Button onClick={p.onRetry}>{p.retryLabel ?? s.retry}</Button>}
          </MessageBarActions>
        </MessageBar>
      )}
      {p.appliedSheet && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {s.applied(p.appliedSheet, p.appliedCells)}
            {p.appliedLeft.length > 0 && (
              <>
                <div>{s.appliedLeft}</div>
                <ul className={c.unavailable}>
                  {p.appliedLeft.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </>
            )}
            {p.appliedSkipped.length > 0 && (
              <>
                <div>{s.appliedSkipped}</div>
                <ul className={c.unavailable}>
                  {p.appliedSkipped.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
          {dismissAction}
        </MessageBar>
      )}
      <WorkbookNotices s={s} {...p.excel} />
      {/* Below the result, and closed by a click: the notice must not push the index off the first screen. */}
      {settingsOpen && !meeting && (
        <div
          id="settings-panel"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              closeSettings();
            }
          }}
        >
          <LazySettings
            {...p.settings}
            s={s}
            onSave={(settings) => {
              p.settings.onSave(settings);
              closeSettings();
            }}
            onClose={closeSettings}
          />
        </div>
      )}
      {!view && p.reading && <Spinner className={c.loading} label={s.loading} />}
      {view && (view.notes.length > 0 || view.tables.length === 0) && (
        <MessageBar intent={view.tables.length ? "info" : "warning"} layout="multiline">
          <MessageBarBody>
            {view.tables.length === 0 && <MessageBarTitle>{s.noTable}</MessageBarTitle>}
            {view.notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {view && view.tables.length === 0 && <p className={shared.muted}>{s.noTableHint}</p>}
      {view?.tables.map((t, k) => (
        <div key={t.key}>
          {k > 0 && <hr className={c.divider} />}
          <TableSection
            table={t}
            headingLevel={2}
            s={s}
            onSelect={p.onSelect}
            convert={p.convert}
            tools={p.tools?.[k] ?? null}
            toolsIntents={p.toolsIntents}
            cues={cues}
            toolsRequest={k === 0 ? toolsRequest : 0}
            meeting={meeting}
          />
        </div>
      ))}
      {p.record.lines.length > 0 && (
        <LazyRecord {...p.record} s={s} heading="h2" busy={p.applying} onSelect={p.onSelect} />
      )}
      {p.unavailable.length > 0 && !olderSeen && !meeting && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.olderExcel}</MessageBarTitle>
            <ul className={c.unavailable}>
              {p.unavailable.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={s.dismiss}
                icon={<Dismiss20Regular />}
                onClick={() => setOlderSeen(true)}
              />
            }
          />
        </MessageBar>
      )}
      <JumpHint jumped={p.jumped ?? null} s={s} onClose={p.onCloseJumpHint ?? (() => undefined)} />
    </main>
  );
}
