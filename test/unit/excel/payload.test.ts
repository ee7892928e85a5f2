/**
 * Excel on the web refuses a request or a response over 5 MB; the fake does too. A
 * workbook with many long evidence sheets is read in parts that each stay under the
 * limit and comes back whole; rows far longer than expected are read in smaller parts;
 * a payload failure has its own message.
 */
import { CellValue, WorkbookGrid } from "../../../src/core/grid";
import { toHostError } from "../../../src/excel/hostErrors";
import { halve, planChunks } from "../../../src/excel/readChunks";
import { FakeOfficeError } from "../../../src/fake-excel";
import { PAYLOAD_LIMIT_BYTES } from "../../../src/fake-excel/api";
import { countSyncs, setUp, understand, withEvidence } from "./workbooks";

/** A row as values up to its last non-empty cell, holes as null. */
function dense(row: CellValue[] | undefined): CellValue[] {
  const out: CellValue[] = [];
  let last = -1;
  for (let i = 0; i < (row?.length ?? 0); i++) {
    const v = row![i] ?? null;
    out.push(v);
    if (v !== null) last = i;
  }
  out.length = last + 1;
  return out;
}

function sameCells(read: WorkbookGrid, truth: WorkbookGrid) {
  expect(read.sheets.map((s) => s.name)).toEqual(truth.sheets.map((s) => s.name));
  read.sheets.forEach((s, k) => {
    const t = truth.sheets[k].values;
    expect(s.values.length).toBe(t.length);
    expect(Array.from(s.values, dense)).toEqual(Array.from(t, dense));
  });
}

describe("reads under the payload limit", () => {
  test("20 evidence sheets of 5,000 rows: every request and response under 5 MB, every cell read, refresh and apply too", async () => {
    const { fake, host } = setUp(withEvidence(20, 5000));
    const grid = await host.read();
    sameCells(grid, fake.workbook.grid());
    const { plan } = understand(grid);
    expect(plan.sheets).toEqual(["Indeks SPBE"]);
    await host.apply(plan);
    const refresh = await countSyncs(fake, () => host.read());
    expect(refresh).toBeGreaterThan(1);
    for (const t of fake.traffic) {
      expect(t.request).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(t.response).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    expect(fake.traffic.reduce((n, t) => n + t.response, 0)).toBeGreaterThan(2 * PAYLOAD_LIMIT_BYTES);
  });

  test("rows far longer than expected: the read cuts its parts smaller until they fit, and nothing is lost", async () => {
    const long = "x".repeat(2000);
    const { fake, host } = setUp(
      withEvidence(3, 400, (s, r) => `${s}.${r} ${long}`),
      { payloadLimit: 300_000 },
    );
    const grid = await host.read();
    sameCells(grid, fake.workbook.grid());
    expect(fake.traffic.every((t) => t.request < 300_000)).toBe(true);
  });

  test("a single row larger than the limit fails with the payload message, not a generic one", async () => {
    const { host } = setUp(
      withEvidence(1, 3, () => "y".repeat(30_000)),
      { payloadLimit: 50_000 },
    );
    await expect(host.read()).rejects.toMatchObject({
      code: "too-large",
      text: { en: expect.stringMatching(/too large to read at once.*5 MB/) },
    });
  });

  test("the payload errors have their own message in both languages, for reading and for writing", () => {
    const read = toHostError(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "too big"), "read");
    expect(read).toMatchObject({ code: "too-large" });
    expect(read.text.id).toMatch(/terlalu besar untuk dibaca sekaligus/);
    const write = toHostError(new FakeOfficeError("RequestPayloadSizeLimitExceeded", "too big"), "apply");
    expect(write.text.en).toMatch(/too large to send to Excel at once/);
  });
});

describe("cutting rows into trips", () => {
  test("packs sheets' rows in order into trips under the budget", () => {
    const trips = planChunks(
      [
        { sheet: "A", from: 0, to: 99, columns: 5, bytesPerRow: 10 },
        { sheet: "B", from: 10, to: 59, columns: 3, bytesPerRow: 20 },
      ],
      500,
    );
    expect(trips).toEqual([
      [{ sheet: "A", from: 0, to: 49, columns: 5 }],
      [{ sheet: "A", from: 50, to: 99, columns: 5 }],
      [{ sheet: "B", from: 10, to: 34, columns: 3 }],
      [{ sheet: "B", from: 35, to: 59, columns: 3 }],
    ]);
  });

  test("a row larger than the budget goes alone; halving stops at one row", () => {
    expect(planChunks([{ sheet: "A", from: 0, to: 1, columns: 1, bytesPerRow: 900 }], 500)).toEqual([
      [{ sheet: "A", from: 0, to: 0, columns: 1 }],
      [{ sheet: "A", from: 1, to: 1, columns: 1 }],
    ]);
    expect(halve({ sheet: "A", from: 4, to: 9, columns: 2 })).toEqual([
      { sheet: "A", from: 4, to: 6, columns: 2 },
      { sheet: "A", from: 7, to: 9, columns: 2 },
    ]);
    expect(halve({ sheet: "A", from: 4, to: 4, columns: 2 })).toEqual([{ sheet: "A", from: 4, to: 4, columns: 2 }]);
  });
});
