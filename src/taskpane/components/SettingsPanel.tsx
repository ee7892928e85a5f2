/**
 * Settings: override the sheet and level columns that were detected, the low-score
 * threshold, the framework, and the pane's language. Edits stay a draft until saved.
 */
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { FormEvent, useState } from "react";
import { Language, Strings } from "../i18n";
import { AUTOMATIC, PaneSettings } from "../state";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // A long sheet or framework name must not widen a narrow pane: the selects shrink to it.
    minWidth: 0,
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface DetectedSetup {
  /** sheets a table could be on (the workbook's sheets, without the tool's own) */
  sheets: string[];
  sheet: string | null;
  /** 1-based header row of the table found */
  headerRow: number | null;
  levelColumns: string[];
  threshold: string | null;
}

export interface SettingsPanelProps {
  s: Strings;
  settings: PaneSettings;
  detected: DetectedSetup;
  frameworks: { id: string; label: string }[];
  levelRange: { min: number; max: number };
  onSave(settings: PaneSettings): void;
  onClose(): void;
}

function parseColumns(text: string): string[] | null | "bad" {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  if (parts.length === 0) return null;
  return parts.every((p) => /^[A-Z]{1,3}$/.test(p)) ? parts : "bad";
}

function parseRow(text: string): number | null | "bad" {
  const t = text.trim();
  if (!t) return null;
  return /^\d+$/.test(t) && Number(t) >= 1 ? Number(t) : "bad";
}

function parseThreshold(text: string, min: number, max: number): number | null | "bad" {
  const t = text.trim().replace(",", ".");
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= min && n <= max ? n : "bad";
}

export function SettingsPanel({ s, settings, detected, frameworks, levelRange, onSave, onClose }: SettingsPanelProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [sheet, setSheet] = useState(settings.sheet ?? "");
  const [headerRow, setHeaderRow] = useState(settings.headerRow === null ? "" : String(settings.headerRow));
  const [columns, setColumns] = useState(settings.levelColumns?.join(",") ?? "");
  const [threshold, setThreshold] = useState(settings.threshold === null ? "" : String(settings.threshold));
  const [framework, setFramework] = useState(settings.framework ?? "");
  const [language, setLanguage] = useState<string>(settings.language ?? "");
  const [submitted, setSubmitted] = useState(false);

  const cols = parseColumns(columns);
  const row = parseRow(headerRow);
  const th = parseThreshold(threshold, levelRange.min, levelRange.max);

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (cols === "bad" || th === "bad" || row === "bad") return;
    onSave({
      // Columns and a header row belong to a sheet: without a sheet chosen, they apply to the sheet detected.
      sheet: sheet || (cols || row ? detected.sheet : null),
      headerRow: row,
      levelColumns: cols,
      threshold: th,
      framework: framework || null,
      language: (language || null) as Language | null,
    });
  };

  return (
    <form className={c.panel} onSubmit={save} aria-labelledby="settings-title" noValidate>
      <h2 id="settings-title" className={c.title}>
        {s.settingsTitle}
      </h2>
      <Field label={s.settingsSheet}>
        <Select value={sheet} onChange={(_, d) => setSheet(d.value)}>
          <option value="">{detected.sheet ? `${s.settingsAuto}: ${detected.sheet}` : s.settingsAuto}</option>
          {detected.sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={s.settingsHeaderRow}
        hint={s.settingsHeaderRowHint}
        validationState={submitted && row === "bad" ? "error" : "none"}
        validationMessage={submitted && row === "bad" ? s.settingsBadHeaderRow : undefined}
      >
        <Input
          value={headerRow}
          inputMode="numeric"
          placeholder={detected.headerRow === null ? "" : String(detected.headerRow)}
          onChange={(_, d) => setHeaderRow(d.value)}
        />
      </Field>
      <Field
        label={s.settingsLevelColumns}
        hint={s.settingsLevelColumnsHint}
        validationState={submitted && cols === "bad" ? "error" : "none"}
        validationMessage={submitted && cols === "bad" ? s.settingsBadColumns : undefined}
      >
        <Input value={columns} placeholder={detected.levelColumns.join(",")} onChange={(_, d) => setColumns(d.value)} />
      </Field>
      <Field
        label={s.settingsThreshold}
        hint={s.settingsThresholdHint(detected.threshold ?? "")}
        validationState={submitted && th === "bad" ? "error" : "none"}
        validationMessage={
          submitted && th === "bad" ? s.settingsBadThreshold(levelRange.min, levelRange.max) : undefined
        }
      >
        <Input
          value={threshold}
          inputMode="decimal"
          placeholder={detected.threshold ?? ""}
          onChange={(_, d) => setThreshold(d.value)}
        />
      </Field>
      <Field label={s.settingsFramework}>
        <Select value={framework} onChange={(_, d) => setFramework(d.value)}>
          <option value="">{s.settingsAuto}</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.settingsLanguage}>
        <Select value={language} onChange={(_, d) => setLanguage(d.value)}>
          <option value="">{s.languageAuto}</option>
          <option value="id">{s.languageId}</option>
          <option value="en">{s.languageEn}</option>
        </Select>
      </Field>
      <p className={shared.muted}>{s.settingsStoredNote}</p>
      <div className={c.actions}>
        <Button type="submit" appearance="primary">
          {s.settingsSave}
        </Button>
        <Button type="button" onClick={() => onSave({ ...AUTOMATIC, language: (language || null) as Language | null })}>
          {s.settingsReset}
        </Button>
        <Button type="button" appearance="subtle" onClick={onClose}>
          {s.closeSettings}
        </Button>
      </div>
    </form>
  );
}
