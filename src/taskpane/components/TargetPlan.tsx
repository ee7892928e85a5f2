/**
 * Path to target: the assessor types a target index (and, for decimal values, the step);
 * each level column gets the fewest raises that reach it, one line per indicator
 * ("I20 1,30 → 3,55, 9 langkah"), every single step one click away. Clicking a line
 * selects its cell; ⊘ marks its indicator out of reach this year. A plan can be copied as
 * a table, or written into a sheet of the workbook with live formulas (core/planSheet.ts).
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowUndo16Regular,
  ChevronDown16Regular,
  ChevronRight16Regular,
  Copy16Regular,
  DocumentTable16Regular,
  Prohibited16Regular,
} from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { Strings } from "../i18n";
import { parseTyped } from "../format";
import { copyText } from "../clipboard";
import { AssessmentPlanView, PlanLineView, planTable, TargetView } from "../targetView";
import { useSharedStyles } from "./sharedStyles";

const SHOWN = 25;

const useStyles = makeStyles({
  fields: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-start" },
  // minWidth 0: at 200 % zoom the field shrinks with the pane instead of pushing it sideways.
  target: { flex: "1 1 8em", maxWidth: "14em", minWidth: 0 },
  step: { flex: "0 1 7em", minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
  out: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalS,
  },
  outLabel: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  group: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  message: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  note: { marginTop: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "flex-start", columnGap: "2px" },
  line: { flexDirection: "column", rowGap: "2px", flex: "1 1 auto", minWidth: 0 },
  what: { minWidth: 0, overflowWrap: "break-word" },
  number: {
    display: "inline-block",
    minWidth: "1.6em",
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: "tabular-nums",
  },
  detail: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: `2px ${tokens.spacingHorizontalS}`,
    marginTop: "1px",
  },
  levels: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  // Not a Badge: a predicate with its alias is long and must be free to wrap.
  change: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteGreenForeground1,
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}`,
  },
  index: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  mark: { flexShrink: 0, minWidth: "28px", marginTop: "2px" },
  more: { marginTop: tokens.spacingVerticalXS },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** Writing a level column's plan into a sheet of the workbook: whether a write is under way, where each went. */
export interface PlanSheetIntents {
  busy: boolean;
  /** by "level sheet!column": the sheet that column's plan was written into */
  written: Record<string, string>;
  onWrite(sheet: string, column: string): void;
}

export interface TargetPlanProps {
  view: TargetView;
  s: Strings;
  /** heading level of each level column's plan */
  headingLevel: 5 | 6;
  onTarget(target: number | null): void;
  onStep(step: number): void;
  onRaise(raise: number): void;
  onToggleOutOfReach(indicator: number): void;
  onSelect(sheet: string, cell: string): void;
  /** the level sheet of the table planned, and how its plans are written into sheets */
  tableSheet?: string;
  planSheet?: PlanSheetIntents;
}

/** A typed target: decimal comma or point, 0 up to the top level; null when empty. */
export function parseTarget(text: string, max: number): number | null | "bad" {
  if (!text.trim()) return null;
  const n = parseTyped(text);
  return n >= 0 && n <= max ? n : "bad";
}

/** A step ("3 → 4", numbered) or an indicator's steps together ("2 → 5, 3 langkah"); clicking selects its cell. */
function PlanRow({
  line,
  number,
  count,
  s,
  onSelect,
  onMark,
}: {
  line: PlanLineView;
  number?: number;
  count?: number;
  s: Strings;
  onSelect(sheet: string, cell: string): void;
  onMark(): void;
}) {
  const c = useStyles();
  const shared = useSharedStyles();
  // Two lines: what is raised, then where and by how much; nothing squeezes a name into a sliver at 200 % zoom.
  const content = (
    <>
      {/* Spaces between the parts, so a screen reader does not run them together. */}
      <span className={c.what}>
        {number !== undefined && (
          <span className={c.number}>
            <span className={shared.visuallyHidden}>{s.stepNumber(number)}</span>
            <span aria-hidden="true">{number}</span>
          </span>
        )}{" "}
        <span className={shared.indicatorCode}>{line.code}</span> {line.name}
      </span>{" "}
      <span className={c.detail}>
        {line.cell && <span className={shared.cellTag}>{line.cell}</span>}{" "}
        <span className={c.levels}>
          <span className={shared.visuallyHidden}>{s.level} </span>
          {line.from} → {line.to}
        </span>{" "}
        {count !== undefined && <span className={c.count}>{s.planGroup(count)}</span>}{" "}
        <span className={c.index}>
          <span className={shared.visuallyHidden}>{number !== undefined ? s.indexAfter : s.planIndexAfter} </span>
          {line.index}
        </span>{" "}
        {line.predicateChange && (
          <span className={c.change}>
            <span className={shared.visuallyHidden}>{s.predicateChange}: </span>
            {line.predicateChange.from} → {line.predicateChange.to}
          </span>
        )}
      </span>
    </>
  );
  return (
    <li className={c.row}>
      {line.cell ? (
        <button
          type="button"
          className={mergeClasses(shared.cellButton, c.line)}
          onClick={() => onSelect(line.sheet, line.cell!)}
          title={s.goTo(`${line.sheet}!${line.cell}`)}
        >
          {content}
        </button>
      ) : (
        <div className={mergeClasses(shared.plainRow, c.line)}>{content}</div>
      )}
      <Button
        className={c.mark}
        appearance="subtle"
        size="small"
        icon={<Prohibited16Regular />}
        aria-label={s.markOutOfReach(line.code)}
        title={s.markOutOfReach(line.code)}
        onClick={onMark}
      />
    </li>
  );
}

function AssessmentPlan({
  plan,
  s,
  H,
  sheet,
  onSelect,
  onMark,
}: {
  plan: AssessmentPlanView;
  s: Strings;
  H: "h5" | "h6";
  /** writing this column's plan into a sheet, where the pane can */
  sheet?: { busy: boolean; writtenTo: string | null; onWrite(): void };
  onSelect(sheet: string, cell: string): void;
  onMark(indicator: number): void;
}) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [all, setAll] = useState(false);
  const [detail, setDetail] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);
  const shown = all ? plan.steps : plan.steps.slice(0, SHOWN);
  const detailId = `plan-detail-${plan.key}`;
  const intent = plan.status === "met" ? "success" : plan.status === "unreachable" ? "warning" : null;
  return (
    <div>
      <H className={c.group}>{plan.title}</H>
      {intent ? (
        <MessageBar intent={intent} layout="multiline">
          <MessageBarBody>{plan.message}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={plan.status === "refused" ? shared.muted : c.message}>{plan.message}</p>
      )}
      {plan.groups.length > 0 && (
        <ol className={shared.list} aria-label={s.planGroups(plan.title)}>
          {plan.groups.map((g) => (
            <PlanRow
              key={g.key}
              line={g}
              count={g.steps}
              s={s}
              onSelect={onSelect}
              onMark={() => onMark(g.indicator)}
            />
          ))}
        </ol>
      )}
      {(plan.groups.length > 0 || (sheet && plan.status !== "refused")) && (
        <div className={c.actions}>
          {plan.groups.length > 0 && (
            <Button
              size="small"
              icon={<Copy16Regular />}
              onClick={() => void copyText(planTable(plan, s.lang)).then(setCopied)}
            >
              {s.planCopy}
            </Button>
          )}
          {sheet && plan.status !== "refused" && (
            <Button
              size="small"
              icon={<DocumentTable16Regular />}
              title={s.planWriteHint}
              disabled={sheet.busy}
              onClick={sheet.onWrite}
            >
              {s.planWrite}
            </Button>
          )}
        </div>
      )}
      <p className={shared.muted} role="status">
        {copied === true ? s.planCopied : copied === false ? s.recordCopyFailed : ""}
        {copied !== null && sheet?.writtenTo ? " " : ""}
        {sheet?.writtenTo ? s.planWritten(sheet.writtenTo) : ""}
      </p>
      {plan.steps.length > 0 && (
        <Button
          className={c.more}
          appearance="subtle"
          size="small"
          icon={detail ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={detail}
          aria-controls={detailId}
          onClick={() => setDetail(!detail)}
        >
          {s.planDetail(plan.steps.length)}
        </Button>
      )}
      {detail && plan.steps.length > 0 && (
        <ol id={detailId} className={shared.list} aria-label={s.planSteps(plan.title)}>
          {shown.map((step) => (
            <PlanRow
              key={step.key}
              line={step}
              number={step.number}
              s={s}
              onSelect={onSelect}
              onMark={() => onMark(step.indicator)}
            />
          ))}
        </ol>
      )}
      {detail && !all && plan.steps.length > SHOWN && (
        <Button className={c.more} appearance="secondary" size="small" onClick={() => setAll(true)}>
          {s.showAll(plan.steps.length)}
        </Button>
      )}
    </div>
  );
}

export function TargetPlan({
  view,
  s,
  headingLevel,
  onTarget,
  onStep,
  onRaise,
  onToggleOutOfReach,
  onSelect,
  tableSheet,
  planSheet,
}: TargetPlanProps) {
  const c = useStyles();
  const shared = useSharedStyles();
  const [text, setText] = useState(view.target ?? "");
  const parsed = parseTarget(text, view.levelMax);
  // The row or button pressed goes away with the plan made again: focus moves to what takes its place.
  const [focusOn, setFocusOn] = useState<number | "input" | null>(null);
  const outGroup = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOn === null) return;
    const restore = outGroup.current?.querySelector<HTMLButtonElement>(`[data-indicator="${focusOn}"]`);
    (focusOn === "input" || !restore ? input.current : restore)?.focus();
    setFocusOn(null);
  }, [focusOn, view.outOfReach]);
  const H = headingLevel === 5 ? "h5" : "h6";
  return (
    <>
      <div className={c.fields}>
        <Field
          className={c.target}
          label={s.targetLabel}
          hint={parsed === "bad" ? undefined : s.targetHint(view.example)}
          validationState={parsed === "bad" ? "error" : "none"}
          validationMessage={parsed === "bad" ? s.targetBad(view.levelMax, view.example) : undefined}
        >
          <Input
            ref={input}
            className={c.input}
            value={text}
            inputMode="decimal"
            placeholder={view.example}
            onChange={(_, d) => {
              setText(d.value);
              const n = parseTarget(d.value, view.levelMax);
              if (n !== "bad") onTarget(n);
            }}
          />
        </Field>
        <Field className={c.step} label={s.raiseLabel} hint={s.raiseHint}>
          <Select value={String(view.raise.value)} onChange={(_, d) => onRaise(Number(d.value))}>
            {view.raise.choices.map((x) => (
              <option key={x.value} value={String(x.value)}>
                {x.text}
              </option>
            ))}
          </Select>
        </Field>
        {view.step && (
          <Field className={c.step} label={s.stepLabel} hint={s.stepHint}>
            <Select value={String(view.step.value)} onChange={(_, d) => onStep(Number(d.value))}>
              {view.step.choices.map((x) => (
                <option key={x.value} value={String(x.value)}>
                  {x.text}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {view.stepText && <p className={mergeClasses(shared.muted, c.note)}>{s.stepChoice(view.stepText)}</p>}
      {view.outOfReach.length > 0 && (
        <div ref={outGroup} className={c.out} role="group" aria-label={s.outOfReachTitle}>
          <span className={c.outLabel}>{s.outOfReachTitle}:</span>
          {view.outOfReach.map((i) => (
            <Button
              key={i.id}
              size="small"
              appearance="outline"
              icon={<ArrowUndo16Regular />}
              aria-label={s.restoreIndicator(i.code)}
              title={s.restoreIndicator(i.code)}
              data-indicator={i.id}
              onClick={() => {
                onToggleOutOfReach(i.id);
                setFocusOn("input");
              }}
            >
              {i.code}
            </Button>
          ))}
        </div>
      )}
      {parsed === "bad" ? null : view.target === null || parsed === null ? (
        <p className={mergeClasses(shared.muted, c.note)}>{s.targetEmpty}</p>
      ) : (
        <>
          {view.plans.some((p) => p.steps.length > 0) && (
            <p className={mergeClasses(shared.muted, c.note)}>{s.outOfReachHint}</p>
          )}
          {view.plans.map((p) => (
            <AssessmentPlan
              key={p.key}
              plan={p}
              s={s}
              H={H}
              sheet={
                planSheet && tableSheet !== undefined
                  ? {
                      busy: planSheet.busy,
                      writtenTo: planSheet.written[`${tableSheet}!${p.column}`] ?? null,
                      onWrite: () => planSheet.onWrite(tableSheet, p.column),
                    }
                  : undefined
              }
              onSelect={onSelect}
              onMark={(id) => {
                onToggleOutOfReach(id);
                setFocusOn(id);
              }}
            />
          ))}
        </>
      )}
    </>
  );
}
