/**
 * A tiny in-memory WorkbookHost for the pane's tests: a grid that can be read, written
 * by a plan, edited "by a person" (which notifies watchers of that cell), and told to fail.
 */
import { CellValue, parseA1, WorkbookGrid } from "../../../src/core/grid";
import {
  CheckedPlan,
  checkPlan,
  expectedFacts,
  factsFromGrid,
  FoundValidation,
  NO_CHOICES,
  PlanChoices,
  sameOutcome,
  whatChanged,
} from "../../../src/core/planCheck";
import { WritePlan } from "../../../src/core/writePlan";
import {
  ApplyOptions,
  ApplyOutcome,
  HostCapabilities,
  HostError,
  LevelChange,
  LevelWatch,
  RowsNeeded,
  WorkbookHost,
} from "../../../src/excel/workbookHost";
import { stagedRead } from "../../support/stagedRead";

export const ALL_CAPABILITIES: HostCapabilities = {
  dataValidation: true,
  conditionalFormats: true,
  events: true,
  names: true,
};

function inRange(range: string, address: string): boolean {
  const [a, b] = range.split(":");
  const p = parseA1(address)!;
  const lo = parseA1(a)!;
  const hi = parseA1(b ?? a)!;
  return p.row >= lo.row && p.row <= hi.row && p.col >= lo.col && p.col <= hi.col;
}

export class MemoryHost implements WorkbookHost {
  readonly selected: { sheet: string; address: string }[] = [];
  readonly applied: WritePlan[] = [];
  readonly watching: LevelWatch[] = [];
  reads = 0;
  /** a test gives it one to stand for an Office that can set the task pane's width */
  setPaneWidth?: (width: number) => boolean;
  /** validation a person put on ranges a plan validates, by `validationKey` (a grid does not hold it) */
  validations: Record<string, FoundValidation> = {};
  /** the next read or apply throws this */
  failNext: HostError | Error | null = null;
  private watchers: { target: LevelWatch; onChange: (change?: LevelChange) => void }[] = [];

  constructor(
    public grid: WorkbookGrid,
    private caps: HostCapabilities = ALL_CAPABILITIES,
    private language = "id-ID",
  ) {}

  capabilities(): HostCapabilities {
    return this.caps;
  }

  displayLanguage(): string {
    return this.language;
  }

  syncCount(): number {
    return this.reads + this.applied.length;
  }

  private takeFailure() {
    const f = this.failNext;
    this.failNext = null;
    if (f) throw f;
  }

  async read(needs?: RowsNeeded): Promise<WorkbookGrid> {
    this.reads++;
    this.takeFailure();
    const copy: WorkbookGrid = JSON.parse(JSON.stringify(this.grid));
    return needs ? stagedRead(copy, needs).grid : copy;
  }

  async check(plan: WritePlan, choices: PlanChoices = NO_CHOICES): Promise<CheckedPlan> {
    this.takeFailure();
    return checkPlan(plan, factsFromGrid(this.grid, plan, { validations: this.validations }), choices);
  }

  /** The same rule as the Office.js host: look, and write only what the preview showed. */
  async apply(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyOutcome> {
    this.takeFailure();
    const choices = options.choices ?? options.seen?.choices ?? NO_CHOICES;
    const checked = checkPlan(plan, factsFromGrid(this.grid, plan, { validations: this.validations }), choices);
    if (checked.refusal) throw new HostError("refused", checked.refusal);
    const seen = options.seen ?? checkPlan(plan, expectedFacts(plan), choices);
    if (!sameOutcome(seen, checked)) return { written: false, checked, changes: whatChanged(seen, checked) };
    const write = checked.plan;
    this.applied.push(write);
    for (const name of write.sheets)
      if (!this.grid.sheets.some((s) => s.name === name)) this.grid.sheets.push({ name, values: [] });
    for (const c of write.cells) {
      const v = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
      this.setCell(c.sheet, c.address, v as CellValue, c.formula);
    }
    return { written: true, checked };
  }

  async select(sheet: string, address: string): Promise<void> {
    this.selected.push({ sheet, address });
  }

  async watch(target: LevelWatch, onChange: (change?: LevelChange) => void): Promise<() => void> {
    const w = { target, onChange };
    this.watchers.push(w);
    this.watching.push(target);
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
      const k = this.watching.indexOf(target);
      if (k >= 0) this.watching.splice(k, 1);
    };
  }

  private setCell(sheet: string, address: string, value: CellValue, formula?: string) {
    const s = this.grid.sheets.find((x) => x.name === sheet)!;
    const { row, col } = parseA1(address)!;
    while (s.values.length <= row) s.values.push([]);
    s.values[row][col] = value;
    if (formula) {
      s.formulas ??= [];
      (s.formulas[row] ??= [])[col] = formula;
    } else if (s.formulas?.[row]) s.formulas[row][col] = null;
  }

  /** A person types into a cell (here, or a co-author elsewhere): watchers of that cell hear about it. */
  edit(sheet: string, address: string, value: CellValue, remote = false) {
    this.setCell(sheet, address, value);
    for (const w of this.watchers)
      if (w.target.sheet === sheet && w.target.ranges.some((r) => inRange(r, address))) w.onChange({ remote });
  }
}
