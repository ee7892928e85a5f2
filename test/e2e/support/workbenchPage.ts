/**
 * The workbench as a person uses it, for the browser test: the grid on the left (sheet
 * tabs, cells, the formula bar) and the task pane in its frame on the right.
 */
import { FrameLocator, Page } from "playwright-core";

export class WorkbenchPage {
  readonly pane: FrameLocator;

  constructor(readonly page: Page) {
    this.pane = page.frameLocator("#pane");
  }

  async openSheet(name: string) {
    await this.page.getByRole("tab", { name, exact: true }).click();
  }

  cell(address: string) {
    return this.page.locator(`#grid td[data-address="${address}"]`);
  }

  /** Select a cell and type into it, then Enter, as in Excel. */
  async type(address: string, text: string) {
    await this.cell(address).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
  }

  selectedCell() {
    return this.page.locator("#namebox");
  }

  /** A level column's result card in the pane. */
  card(title: RegExp) {
    return this.pane.getByRole("region", { name: title });
  }
}
