/**
 * A tiny in-memory WorkbookHost for the pane's tests: a grid that can be read, written
 * by a plan, edited "by a person" (which notifies watchers of that cell), and told to fail.
 */
import { CellValue, parseA1, WorkbookGrid } from "../../../src/core/grid";
import { WritePlan } from "../../../src/core/writePlan";
import {
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

  async apply(plan: WritePlan): Promise<void> {
    this.takeFailure();
    this.applied.push(plan);
    for (const name of plan.sheets)
      if (!this.grid.sheets.some((s) => s.name === name)) this.grid.sheets.push({ name, values: [] });
    for (const c of plan.cells) {
      const v = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
      this.setCell(c.sheet, c.address, v as CellValue, c.formula);
    }
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
