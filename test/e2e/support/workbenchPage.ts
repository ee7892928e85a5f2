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

  /**
   * Opens a section of the table as a person does: its tab where the row shows it, else
   * from the row's "more" menu (the tabs that do not fit the pane's width are there).
   */
  async section(name: string | RegExp) {
    await this.tabsShown();
    const tab = this.pane.getByRole("tab", { name, exact: typeof name === "string" });
    if ((await tab.count()) > 0 && (await tab.first().isVisible())) {
      await tab.first().click();
      return;
    }
    await this.pane.getByTestId("more-sections").click();
    await this.pane.getByRole("menuitem", { name }).click();
  }

  /** The row of sections comes in a chunk fetched as the result is first drawn. */
  async tabsShown() {
    await this.pane.getByRole("tablist").first().waitFor();
  }

  /** Every section's name, in the row's order: the tabs shown, then those in the "more" menu. */
  async sectionNames(): Promise<string[]> {
    await this.tabsShown();
    const names: string[] = [];
    for (const tab of await this.pane.getByRole("tab").all())
      if ((await tab.isVisible()) && (await tab.getAttribute("data-testid")) !== "more-sections")
        names.push((await tab.innerText()).trim());
    const more = this.pane.getByTestId("more-sections");
    if ((await more.count()) > 0) {
      await more.click();
      for (const item of await this.pane.getByRole("menuitem").all()) names.push((await item.innerText()).trim());
      await this.page.keyboard.press("Escape");
    }
    return names;
  }

  /** A level column's result card in the pane. */
  card(title: RegExp) {
    return this.pane.getByRole("region", { name: title });
  }
}
