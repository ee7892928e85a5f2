/**
 * Meeting mode's wider pane: Office.extensionLifeCycle.taskpane.setWidth (TaskPaneApi 1.1),
 * asked only where Office reports the requirement set, on the fake that follows
 * `@types/office-js` (Excel on the web: 350–500 px; outside that the pane is not resized
 * and no error is shown).
 */
import { createOfficeHost } from "../../../src/excel/officeHost";
import { createFakeExcel, PANE_WIDTH_RANGE } from "../../../src/fake-excel";
import { spbeGrid } from "../taskpane/grids";

describe("the task pane's width", () => {
  test("where Office has TaskPaneApi 1.1 the host sets it; a width outside the range changes nothing and throws nothing", () => {
    const widths: number[] = [];
    const fake = createFakeExcel(spbeGrid(), { onPaneWidth: (w) => widths.push(w) });
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect(fake.Office.context.requirements.isSetSupported("TaskPaneApi", "1.1")).toBe(true);
    expect(host.setPaneWidth(500)).toBe(true);
    expect(host.setPaneWidth(PANE_WIDTH_RANGE.max + 1)).toBe(true);
    expect(host.setPaneWidth(320)).toBe(true);
    expect(widths).toEqual([500]);
  });

  test("an Office without the requirement set is not asked, and the host says it cannot", () => {
    const widths: number[] = [];
    const old = createFakeExcel(spbeGrid(), { apiVersion: "1.3", onPaneWidth: (w) => widths.push(w) });
    expect(old.Office.context.requirements.isSetSupported("TaskPaneApi", "1.1")).toBe(false);
    expect((old.Office as unknown as { extensionLifeCycle?: unknown }).extensionLifeCycle).toBeUndefined();
    expect(createOfficeHost(old.Excel, old.Office).setPaneWidth(500)).toBe(false);
    expect(createOfficeHost(old.Excel, undefined).setPaneWidth(500)).toBe(false);
    expect(widths).toEqual([]);
  });
});
