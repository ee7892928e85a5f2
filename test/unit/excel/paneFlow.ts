/**
 * The pane's own order of events, without React: read, open the preview (built from
 * that read, then checked against the workbook), let people act, confirm. The same
 * reducer and the same host calls as `usePane`, so a test can put a person's or a
 * co-author's action exactly between the preview and the apply.
 */
import { rowsNeeded } from "../../../src/core/readingNeeds";
import { checkPlan, NO_CHOICES } from "../../../src/core/planCheck";
import { buildWritePlan } from "../../../src/core/writePlan";
import { ApplyOutcome, WorkbookHost } from "../../../src/excel/workbookHost";
import { FRAMEWORKS } from "../../../src/frameworks";
import {
  analyzeOptions,
  initialState,
  PaneAction,
  paneReducer,
  PaneState,
  toggledChoice,
} from "../../../src/taskpane/state";

export class PaneFlow {
  state: PaneState = initialState("id-ID");
  private seq = 0;

  constructor(readonly host: WorkbookHost) {}

  private dispatch(a: PaneAction): void {
    this.state = paneReducer(this.state, a);
  }

  async read(): Promise<void> {
    const seq = ++this.seq;
    this.dispatch({ type: "read-started", seq });
    const grid = await this.host.read((soFar) => rowsNeeded(soFar, FRAMEWORKS, analyzeOptions(this.state.settings)));
    this.dispatch({ type: "read-done", seq, grid });
  }

  /** Apply to workbook: the preview from the last read, then the look at the workbook of now. */
  async openPreview(): Promise<void> {
    const { grid, analysis } = this.state;
    if (grid && analysis) this.dispatch({ type: "preview-opened", plan: buildWritePlan(grid, analysis) });
    const plan = this.state.writePlan;
    if (!plan) throw new Error("no table to apply");
    this.dispatch({ type: "preview-checked", plan, checked: await this.host.check(plan, NO_CHOICES) });
  }

  toggle(key: string): void {
    const { writePlan, checked } = this.state;
    if (!writePlan || !checked) return;
    const planChoices = toggledChoice(this.state.planChoices, key);
    this.dispatch({
      type: "choice-toggled",
      plan: writePlan,
      planChoices,
      checked: checkPlan(writePlan, checked.facts, planChoices),
    });
  }

  /** The Apply button in the preview; after a write, the pane reads again. */
  async confirm(): Promise<ApplyOutcome> {
    const { writePlan, checked, planChoices } = this.state;
    if (!writePlan || !checked) throw new Error("the preview is not open");
    this.dispatch({ type: "apply-started" });
    try {
      const outcome = await this.host.apply(writePlan, { choices: planChoices, seen: checked });
      if (!outcome.written) {
        this.dispatch({ type: "apply-changed", checked: outcome.checked, changes: outcome.changes });
        return outcome;
      }
      this.dispatch({ type: "apply-done", skipped: [] });
      await this.read();
      return outcome;
    } catch (e) {
      this.dispatch({ type: "failed", error: { id: String(e), en: String(e) } });
      throw e;
    }
  }
}
