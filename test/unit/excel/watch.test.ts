/**
 * Live updates: the host listens to onChanged on the indicator sheet, reacts only to
 * the level cells, waits for a burst of edits to settle, and ignores its own writes.
 */
import { columnAreas } from "../../../src/core/grid";
import { DEBOUNCE_MS, OWN_WRITE_WINDOW_MS, WATCH_RETRY_MS } from "../../../src/excel/officeHost";
import { LevelChange } from "../../../src/excel/workbookHost";
import * as T from "../../fixtures/templates";
import { countSyncs, EMPTY_PLAN, gridOf, setUp, understand } from "./workbooks";

afterEach(() => jest.useRealTimers());

/** E7, the first assessor level, left empty: an apply writes only cells nobody filled. */
const emptyE7 = () => T.standardSpbe(T.DENPASAR_SELF, { ...T.DENPASAR_FINAL, 1: null });

/** The level cells of the Denpasar template, as the pane asks to watch them. */
async function levelWatch(apiVersion = "1.14", book = T.standardSpbe()) {
  jest.useFakeTimers();
  const s = setUp(gridOf(book), { apiVersion });
  const grid = await s.host.read();
  const t = understand(grid).analysis.tables[0];
  const rows = t.layout.rows.map((r) => r.row);
  const target = { sheet: t.layout.sheet, ranges: t.layout.levelColumns.flatMap((c) => columnAreas(c.col, rows)) };
  const calls: number[] = [];
  const changes: (LevelChange | undefined)[] = [];
  const stop = await s.host.watch(target, (change) => {
    calls.push(Date.now());
    changes.push(change);
  });
  return { ...s, target, calls, changes, stop };
}

const settle = () => jest.advanceTimersByTimeAsync(DEBOUNCE_MS + 50);

describe("watching the level cells", () => {
  test("a person changing a level calls back once, after the edits settle", async () => {
    const { fake, calls, target } = await levelWatch();
    expect(target.ranges[0]).toBe("D7:D16");
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await jest.advanceTimersByTimeAsync(DEBOUNCE_MS - 50);
    expect(calls).toHaveLength(0);
    fake.workbook.setValue("Kertas Kerja", "E8", 2);
    fake.workbook.setValue("Kertas Kerja", "D8", 2);
    await jest.advanceTimersByTimeAsync(DEBOUNCE_MS - 50);
    expect(calls).toHaveLength(0);
    await settle();
    expect(calls).toHaveLength(1);
  });

  test("the callback says whether a co-author made the change (WorksheetChangedEventArgs.source)", async () => {
    const { fake, changes } = await levelWatch();
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await settle();
    fake.workbook.setValue("Kertas Kerja", "E8", 2, { source: "Remote" });
    await settle();
    // One remote change among local ones settled together makes the reading a co-author's.
    fake.workbook.setValue("Kertas Kerja", "E9", 2);
    fake.workbook.setValue("Kertas Kerja", "E10", 2, { source: "Remote" });
    await settle();
    fake.workbook.setValue("Kertas Kerja", "E7", 4);
    await settle();
    expect(changes).toEqual([{ remote: false }, { remote: true }, { remote: true }, { remote: false }]);
  });

  test("changes outside the level cells are ignored: notes, evidence, headings, the totals row", async () => {
    const { fake, calls } = await levelWatch();
    fake.workbook.setValue("Kertas Kerja", "G7", "cek dokumen");
    fake.workbook.setValue("Kertas Kerja", "F8", "SK Wali Kota");
    fake.workbook.setValue("Kertas Kerja", "E5", 3); // a domain heading row
    fake.workbook.setValue("Sampul", "C4", "Kota Denpasar");
    await settle();
    expect(calls).toHaveLength(0);
  });

  test("the add-in's own writes are ignored, even on a level cell", async () => {
    const { fake, host, calls } = await levelWatch("1.14", emptyE7());
    await host.apply({ ...EMPTY_PLAN, cells: [{ sheet: "Kertas Kerja", address: "E7", value: 4 }] });
    await settle();
    expect(fake.workbook.value("Kertas Kerja", "E7")).toBe(4);
    expect(calls).toHaveLength(0);
  });

  test("before ExcelApi 1.14: local changes while our writes land are taken for ours; a co-author's are not", async () => {
    const { fake, host, calls } = await levelWatch("1.9", emptyE7());
    await host.apply({ ...EMPTY_PLAN, cells: [{ sheet: "Kertas Kerja", address: "E7", value: 4 }] });
    await settle();
    expect(calls).toHaveLength(0);
    fake.workbook.setValue("Kertas Kerja", "E8", 3, { source: "Remote" });
    await settle();
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(OWN_WRITE_WINDOW_MS);
    fake.workbook.setValue("Kertas Kerja", "E8", 2);
    await settle();
    expect(calls).toHaveLength(2);
  });

  test("a whole apply of the real plan raises no callback", async () => {
    const { fake, host, calls } = await levelWatch();
    const grid = await host.read();
    await host.apply(understand(grid).plan);
    await settle();
    expect(fake.workbook.sheetNames()).toContain("Indeks SPBE");
    expect(calls).toHaveLength(0);
  });

  test("stopping removes the handler from the sheet and silences pending callbacks", async () => {
    const { fake, calls, stop } = await levelWatch();
    expect(fake.workbook.handlerCount("Kertas Kerja")).toBe(1);
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await jest.advanceTimersByTimeAsync(1);
    stop();
    await settle();
    expect(calls).toHaveLength(0);
    expect(fake.workbook.handlerCount("Kertas Kerja")).toBe(0);
    fake.workbook.setValue("Kertas Kerja", "E7", 2);
    await settle();
    expect(calls).toHaveLength(0);
  });

  test("watching costs one round trip; without ExcelApi 1.7 it costs none and never calls back", async () => {
    jest.useFakeTimers();
    const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.6" });
    const calls: number[] = [];
    let stop: () => void = () => undefined;
    expect(
      await countSyncs(
        fake,
        async () => (stop = await host.watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => calls.push(1))),
      ),
    ).toBe(0);
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await settle();
    expect(calls).toHaveLength(0);
    stop();

    const modern = setUp(gridOf(T.standardSpbe()));
    expect(
      await countSyncs(modern.fake, () =>
        modern.host.watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => undefined),
      ),
    ).toBe(1);
  });

  test("watching a sheet that is gone gives a message telling the assessor to use Refresh", async () => {
    const { host } = setUp(gridOf(T.standardSpbe()));
    await expect(host.watch({ sheet: "Tidak Ada", ranges: ["E7"] }, () => undefined)).rejects.toMatchObject({
      code: "sync-failed",
      text: { en: expect.stringMatching(/click Refresh/) },
    });
  });
});

describe("a person typing levels down a column (cell edit mode)", () => {
  const E7 = (grid: { sheets: { name: string; values: unknown[][] }[] }) =>
    grid.sheets.find((x) => x.name === "Kertas Kerja")!.values[6][4];

  test("Enter, then the next level at once: the read the change triggers waits for the cell and sees the new level", async () => {
    const { fake, host, calls } = await levelWatch();
    fake.workbook.setValue("Kertas Kerja", "E7", 5, { thenEditing: true });
    await settle();
    expect(calls).toHaveLength(1);
    let grid: Awaited<ReturnType<typeof host.read>> | undefined;
    let failed: unknown;
    const reading = host.read().then(
      (g) => (grid = g),
      (e) => (failed = e),
    );
    await jest.advanceTimersByTimeAsync(2000);
    expect(failed).toBeUndefined();
    expect(grid).toBeUndefined();
    fake.workbook.setCellEditMode(false); // Enter in E8
    await reading;
    expect(E7(grid!)).toBe(5);
  });

  test("a registration asked while a person edits a cell waits for it and then holds", async () => {
    jest.useFakeTimers();
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    await host.read();
    fake.workbook.setCellEditMode(true);
    const calls: number[] = [];
    let stop: (() => void) | undefined;
    const watching = host
      .watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => calls.push(1))
      .then((s) => (stop = s));
    await jest.advanceTimersByTimeAsync(100);
    expect(stop).toBeUndefined();
    fake.workbook.setCellEditMode(false);
    await watching;
    expect(fake.workbook.handlerCount("Kertas Kerja")).toBe(1);
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await settle();
    expect(calls).toHaveLength(1);
    stop!();
  });

  test("before ExcelApi 1.11 a registration refused in edit mode is tried again until it holds; stopping ends the tries", async () => {
    jest.useFakeTimers();
    const { fake, host } = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.10" });
    await host.read();
    fake.workbook.setCellEditMode(true);
    const calls: number[] = [];
    const stop = await host.watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => calls.push(1));
    await jest.advanceTimersByTimeAsync(3 * WATCH_RETRY_MS);
    expect(fake.workbook.handlerCount("Kertas Kerja")).toBe(0);
    fake.workbook.setCellEditMode(false);
    await jest.advanceTimersByTimeAsync(WATCH_RETRY_MS + 10);
    expect(fake.workbook.handlerCount("Kertas Kerja")).toBe(1);
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await settle();
    expect(calls).toHaveLength(1);
    stop();
    await jest.advanceTimersByTimeAsync(10);
    expect(fake.workbook.handlerCount("Kertas Kerja")).toBe(0);

    // Stopped while still refused: no registration appears later.
    const other = setUp(gridOf(T.standardSpbe()), { apiVersion: "1.10" });
    other.fake.workbook.setCellEditMode(true);
    const stop2 = await other.host.watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => undefined);
    stop2();
    other.fake.workbook.setCellEditMode(false);
    await jest.advanceTimersByTimeAsync(3 * WATCH_RETRY_MS);
    expect(other.fake.workbook.handlerCount("Kertas Kerja")).toBe(0);
  });

  test("#3019: an Excel that fails every delayed batch is read and watched without the option", async () => {
    jest.useFakeTimers();
    const { fake, host } = setUp(gridOf(T.standardSpbe()));
    fake.workbook.delayedBatchesFail(true);
    await host.read();
    const calls: number[] = [];
    const stop = await host.watch({ sheet: "Kertas Kerja", ranges: ["E7:E16"] }, () => calls.push(1));
    fake.workbook.setValue("Kertas Kerja", "E7", 3);
    await settle();
    expect(calls).toHaveLength(1);
    // a person really editing a cell: the read says so
    fake.workbook.setCellEditMode(true);
    await expect(host.read()).rejects.toMatchObject({ code: "edit-mode" });
    stop();
  });
});
