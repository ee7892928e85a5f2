/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyze } from "../../../src/core/analyze";
import { validationKey } from "../../../src/core/planCheck";
import { buildWritePlan } from "../../../src/core/writePlan";
import { WorkbookGrid } from "../../../src/core/grid";
import { summarizePlan } from "../../../src/core/writePlan";
import { HostError } from "../../../src/excel/workbookHost";
import { FRAMEWORKS } from "../../../src/frameworks";
import { formatUnits } from "../../../src/taskpane/format";
import { App } from "../../../src/taskpane/App";
import { pemdiGrid, rowOf, spbeGrid } from "./grids";
import { ALL_CAPABILITIES, MemoryHost } from "./memoryHost";
import { setUpJsdomFluent } from "./jsdomFluent";
import "./english";

setUpJsdomFluent();

async function previewDialog(name: string) {
  const dialog = await screen.findByRole("dialog", { name });
  return { dialog, button: (label: string) => within(dialog).getByRole("button", { name: label }) };
}

function open(host: MemoryHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

const card = (name: RegExp) => screen.getByRole("region", { name });
/** The assessor's index the core gives for a grid, as the pane should show it. */
const assessorIndex = (grid: WorkbookGrid) =>
  formatUnits(analyze(grid, FRAMEWORKS).tables[0].assessments[1].scores.total.units!, "id");
const cellOf = (grid: ReturnType<typeof spbeGrid>, col: string, indicator: number | string, sheet = "Kertas Kerja") =>
  `${col}${rowOf(grid, sheet, indicator) + 1}`;

describe("task pane", () => {
  test("shows the index and predicate of each level column, in Indonesian when Office is", async () => {
    open(new MemoryHost(spbeGrid()));
    expect(await screen.findByRole("heading", { name: /Indeks SPBE.*Kertas Kerja/ })).toBeInTheDocument();
    expect(within(card(/Penilaian Mandiri/)).getByText("3,75")).toBeInTheDocument();
    expect(within(card(/Penilaian Mandiri/)).getByText("Sangat Baik")).toBeInTheDocument();
    expect(within(card(/Nilai Asesor/)).getByText("3,19")).toBeInTheDocument();
    expect(within(card(/Nilai Asesor/)).getByText("Baik")).toBeInTheDocument();
    expect(
      within(card(/Nilai Asesor/)).getByRole("img", { name: "Nilai Asesor (D): 47 dari 47 indikator terisi" }),
    ).toHaveTextContent("terisi 47/47");
    expect(screen.getByRole("heading", { name: "Indeks domain" })).toBeInTheDocument();
    const bar = screen.getByRole("meter", { name: /Domain 3 Manajemen SPBE — Nilai Asesor/ });
    expect(bar).toHaveAttribute("aria-valuetext", "2,18");
    // The first screen: cards and domain bars; aspects and the rest are tabs, the aspects chosen.
    expect(screen.queryByRole("heading", { name: /^Yang menghalangi indeks/ })).not.toBeInTheDocument();
    expect(await screen.findAllByRole("tab")).toHaveLength(5);
    for (const name of ["Indeks aspek", "Masalah (0)", "Nilai rendah (23)", "Alat asesor", "Lainnya"])
      expect(screen.getByRole("tab", { name })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Indeks aspek" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getAllByRole("meter")).toHaveLength((4 + 8) * 2);
    await userEvent.click(screen.getByRole("tab", { name: "Masalah (0)" }));
    expect(screen.getByRole("heading", { name: "Masalah (0)" })).toBeInTheDocument();
    // Live updates are said on the Refresh button, not in a standing sentence above the result.
    expect(screen.getByRole("button", { name: "Muat ulang" })).toHaveAttribute(
      "title",
      expect.stringMatching(/Hasil diperbarui sendiri/),
    );
  });

  test("a domain's value can be traced: its name opens its indicators, their weights and each column's level", async () => {
    const grid = spbeGrid();
    open(new MemoryHost(grid));
    await screen.findByText("3,19");
    const name = screen.getByRole("button", { name: "Domain 1 Kebijakan Internal SPBE" });
    expect(name).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(name);
    expect(name).toHaveAttribute("aria-expanded", "true");
    const table = screen.getByRole("table", { name: /^Asal nilai Domain 1 Kebijakan Internal SPBE/ });
    const rows = within(table).getAllByRole("row");
    expect(
      within(rows[0])
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Indikator", "Bobot", "C", "D"]);
    // Domain 1 of SPBE 2020: indicators 1–10, each with its weight and the two columns' levels as typed.
    expect(rows).toHaveLength(1 + 10);
    const sheet = grid.sheets[1].values;
    const cells = within(rows[1])
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells[0]).toMatch(/^1 /);
    expect(cells.slice(2)).toEqual([
      String(sheet[rowOf(grid, "Kertas Kerja", 1)][2]),
      String(sheet[rowOf(grid, "Kertas Kerja", 1)][3]),
    ]);
    await userEvent.click(name);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  test("clicking a low-scoring indicator selects its cell", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid);
    open(host);
    const cell = cellOf(grid, "D", 2);
    await userEvent.click(await screen.findByRole("tab", { name: /^Nilai rendah/ }));
    await userEvent.click(await screen.findByRole("button", { name: new RegExp(`^${cell} 2 `) }));
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: cell }]);
    // Office.js cannot move the keyboard into the grid: the pane says so, and how to get there.
    const hint = await screen.findByText(
      `${cell} dipilih di lembar "Kertas Kerja". Papan ketik tetap di panel ini: klik sel itu untuk mengetik di sana.`,
    );
    expect(hint.closest("[role=status]")).not.toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Tutup petunjuk" }));
    expect(screen.queryByText(/dipilih di lembar/)).not.toBeInTheDocument();
  });

  test("a bad value: the assessment is incomplete, the problem is listed, and go-to selects it", async () => {
    const grid = spbeGrid();
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 5)][2] = 7;
    const host = new MemoryHost(grid);
    open(host);
    expect(
      await within(await screen.findByRole("region", { name: /Penilaian Mandiri/ })).findByText("belum lengkap"),
    ).toBeInTheDocument();
    expect(within(card(/Nilai Asesor/)).getByText("3,19")).toBeInTheDocument();
    const cell = cellOf(grid, "C", 5);
    // Right under the cards, what blocks the index, each a link to its cell.
    expect(screen.getByRole("heading", { name: "Yang menghalangi indeks: 1 galat" })).toBeInTheDocument();
    const problem = screen.getByRole("button", { name: new RegExp(`^di luar rentang ${cell} galat: Sel ${cell}`) });
    await userEvent.click(problem);
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: cell }]);
  });

  test("live: a level changed in the workbook updates the pane with no button", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    await waitFor(() => expect(host.watching).toHaveLength(1));
    expect(host.watching[0].sheet).toBe("Kertas Kerja");
    const reads = host.reads;
    await act(async () => host.edit("Kertas Kerja", cellOf(grid, "D", 2), 5));
    const changed = assessorIndex(host.grid);
    expect(changed).not.toBe("3.19");
    expect(await within(card(/Nilai Asesor/)).findByText(changed)).toBeInTheDocument();
    expect(host.reads).toBe(reads + 1);
    // A note typed beside the table is not a level: no re-read.
    await act(async () => host.edit("Kertas Kerja", "E10", "catatan"));
    expect(host.reads).toBe(reads + 1);
  });

  test("a typo never blanks the headline: the last index stays, marked out of date, beside the cell and what is wrong", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    await waitFor(() => expect(host.watching).toHaveLength(1));
    const cell = cellOf(grid, "C", 7);
    await act(async () => host.edit("Kertas Kerja", cell, 7));
    const self = card(/Penilaian Mandiri/);
    const reason = await within(self).findByRole("button", { name: `${cell}: 7 di luar 1–5` });
    expect(within(self).getByText("3,75")).toHaveTextContent("indeks terakhir yang dapat dihitung, usang 3,75");
    expect(within(self).queryByText("belum lengkap")).not.toBeInTheDocument();
    // The screen reader hears where to go.
    expect(screen.getByTestId("live")).toHaveTextContent(
      `Penilaian Mandiri (C): indeks belum dapat dihitung karena ${cell}: 7 di luar 1–5; yang terakhir 3,75`,
    );
    // Its card says what blocks it, so nothing is inserted above the domains.
    expect(screen.queryByRole("heading", { name: /^Yang menghalangi indeks/ })).not.toBeInTheDocument();
    expect(within(card(/Nilai Asesor/)).getByText("3,19")).toBeInTheDocument();
    await userEvent.click(reason);
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: cell }]);
    // Put right, the index is live again; a second typo keeps the newest valid index, not the first.
    await act(async () => host.edit("Kertas Kerja", cell, 1));
    const now = await within(self).findByTestId("index");
    expect(now.textContent).not.toContain("3,75");
    await act(async () => host.edit("Kertas Kerja", cell, "x"));
    expect(await within(self).findByTestId("stale-index")).toHaveTextContent(now.textContent!.replace("Indeks ", ""));
  });

  test("meeting mode hides the commands, names the columns on the bars, and is remembered", async () => {
    window.localStorage.clear();
    const first = open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    expect(screen.getByRole("button", { name: "Terapkan ke buku kerja" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("switch", { name: "Mode rapat" }));
    expect(screen.queryByRole("button", { name: "Terapkan ke buku kerja" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Muat ulang" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Pengaturan" })).not.toBeInTheDocument();
    // Each bar is labelled with its column's name, not its letter.
    const domain1 = screen.getByText("Kebijakan Internal SPBE").closest("li")!;
    expect(domain1).toHaveTextContent(/Penilaian Mandiri \(C\)3,40.*Nilai Asesor \(D\)3,00/);
    first.unmount();
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    expect(screen.getByRole("switch", { name: "Mode rapat" })).toBeChecked();
    await userEvent.click(screen.getByRole("switch", { name: "Mode rapat" }));
    expect(screen.getByRole("button", { name: "Terapkan ke buku kerja" })).toBeInTheDocument();
    expect(window.localStorage.getItem("spbe-index.meeting")).toBe("0");
  });

  test("meeting mode asks Office for a wider pane where it can, and gives the person's width back after", async () => {
    window.localStorage.clear();
    const narrow = Object.getOwnPropertyDescriptor(window, "innerWidth")!;
    Object.defineProperty(window, "innerWidth", { configurable: true, value: 320 });
    try {
      const host = new MemoryHost(spbeGrid());
      const widths: number[] = [];
      host.setPaneWidth = (w: number) => {
        widths.push(w);
        return true;
      };
      open(host);
      await screen.findByText("3,19");
      expect(widths).toEqual([]);
      await userEvent.click(screen.getByRole("switch", { name: "Mode rapat" }));
      expect(widths).toEqual([500]);
      await userEvent.click(screen.getByRole("switch", { name: "Mode rapat" }));
      expect(widths).toEqual([500, 320]);
    } finally {
      Object.defineProperty(window, "innerWidth", narrow);
      window.localStorage.clear();
    }
  });

  test("the meeting's record: each change with who and its effect, copied as Indonesian text, written into its own sheet", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    await waitFor(() => expect(host.watching).toHaveLength(1));
    expect(screen.queryByRole("region", { name: /^Catatan rapat/ })).not.toBeInTheDocument();
    const d2 = cellOf(grid, "D", 2);
    const before = assessorIndex(host.grid);
    await act(async () => host.edit("Kertas Kerja", d2, 5));
    const after = assessorIndex(host.grid);
    await act(async () => host.edit("Kertas Kerja", cellOf(grid, "C", 7), 7, true));
    const section = await screen.findByRole("region", { name: "Catatan rapat (2)" });
    const rows = within(section).getAllByRole("button", { name: /^\d\. / });
    expect(rows[0]).toHaveTextContent(
      new RegExp(
        `^1\\. ${d2} \\(kolom D\\), indikator 2 .*: \\d → 5 \\(oleh komputer ini\\) Domain 1 .*; indeks ${before} → ${after}`,
      ),
    );
    expect(rows[1]).toHaveTextContent(
      /oleh rekan penulis\) Domain 1 .* → tidak dapat dihitung; indeks 3,75 → tidak dapat dihitung$/,
    );
    await userEvent.click(rows[0]);
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: d2 }]);

    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await userEvent.click(within(section).getByRole("button", { name: "Salin sebagai teks" }));
    expect(await within(section).findByText(/Catatan tersalin/)).toBeInTheDocument();
    const text: string = writeText.mock.calls[0][0];
    expect(text.split("\n")).toHaveLength(3);
    expect(text).toMatch(/^Catatan rapat Indeks SPBE, \d+ \w+ \d{4}\n1\. /);
    expect(text).toContain("oleh rekan penulis");

    await userEvent.click(within(section).getByRole("button", { name: "Tulis ke lembar" }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const plan = host.applied[0];
    expect(plan.sheets).toEqual(["Catatan Rapat"]);
    expect(plan.cells.find((c) => c.address === "B5")!.value).toBe(`Kertas Kerja!${d2}`);
    expect(plan.cells.find((c) => c.address === "F6")!.value).toBe("rekan penulis");
    expect(await within(section).findByText(/Catatan ditulis ke lembar "Catatan Rapat"/)).toBeInTheDocument();
    // The levels were not touched.
    expect(plan.cells.every((c) => c.sheet === "Catatan Rapat")).toBe(true);

    // Later in the meeting: the same sheet again, now with the third change, recognised as the record's own.
    await act(async () => host.edit("Kertas Kerja", cellOf(grid, "C", 7), 4, true));
    const later = await screen.findByRole("region", { name: "Catatan rapat (3)" });
    await userEvent.click(within(later).getByRole("button", { name: "Tulis ke lembar" }));
    await waitFor(() => expect(host.applied).toHaveLength(2));
    expect(host.applied[1].sheets).toEqual(["Catatan Rapat"]);
    expect(host.applied[1].cells.find((c) => c.address === "A7")!.value).toBe(3);
    expect(screen.queryByText(/bukan lembar hasil alat ini|not this tool's results sheet/)).not.toBeInTheDocument();
    expect(host.grid.sheets.filter((x) => x.name.startsWith("Catatan Rapat"))).toHaveLength(1);
  });

  test("Refresh reads again where Excel raises no event", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid, { ...ALL_CAPABILITIES, events: false });
    open(host);
    await screen.findByText("3,19");
    expect(host.watching).toHaveLength(0);
    grid.sheets[1].values[rowOf(grid, "Kertas Kerja", 2)][3] = 5;
    await userEvent.click(screen.getByRole("button", { name: "Muat ulang" }));
    expect(await screen.findByText(assessorIndex(grid))).toBeInTheDocument();
  });

  test("apply: the preview says what is written; confirming applies the write plan and reads again", async () => {
    const host = new MemoryHost(spbeGrid());
    open(host);
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Terapkan ke buku kerja" }));
    const { dialog, button } = await previewDialog("Terapkan ke buku kerja");
    // Focus starts on Cancel: a second Enter writes nothing.
    await waitFor(() => expect(button("Batal")).toHaveFocus());
    expect(within(dialog).getByText(/Lembar hasil: Indeks SPBE/)).toBeInTheDocument();
    expect(within(dialog).getByText(/sel, 0 di antaranya di lembar Anda sendiri/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Validasi data pada \d+ rentang sel nilai/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Tidak ada isian orang yang diubah/)).toBeInTheDocument();
    const reads = host.reads;
    await waitFor(() => expect(button("Terapkan")).toBeEnabled());
    await userEvent.click(button("Terapkan"));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const cells = summarizePlan(host.applied[0]).cells;
    expect(
      await screen.findByText(
        `Sudah diterapkan: ${cells} sel ditulis. Hasil ada di lembar "Indeks SPBE"; nilai di lembar Anda tidak diubah.`,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(host.reads).toBe(reads + 1));
    expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument();
    expect(host.grid.sheets.map((s) => s.name)).toContain("Indeks SPBE");
  });

  test("a validation a person adds while the preview is open: nothing written, the preview says so, and theirs is kept unless they tick the box", async () => {
    const host = new MemoryHost(spbeGrid());
    open(host);
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Terapkan ke buku kerja" }));
    const { dialog, button } = await previewDialog("Terapkan ke buku kerja");
    await waitFor(() => expect(button("Terapkan")).toBeEnabled());
    const plan = buildWritePlan(host.grid, analyze(host.grid, FRAMEWORKS));
    const key = validationKey(plan.validations[1]);
    host.validations[key] = { kind: "rule", type: "whole", min: 0, max: 10, errorTitle: "Salah" };
    await userEvent.click(button("Terapkan"));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent(/Buku kerja berubah sejak pratinjau dibuka/);
    expect(alert).toHaveTextContent(/Validasi Anda pada Kertas Kerja!.* \(bilangan bulat 0–10\) dipertahankan/);
    expect(host.applied).toHaveLength(0);
    const replace = within(dialog).getByRole("checkbox", { name: "Ganti dengan validasi alat ini" });
    expect(replace).not.toBeChecked();
    await userEvent.click(replace);
    expect(replace).toBeChecked();
    await userEvent.click(button("Terapkan"));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    expect(validationKey(host.applied[0].validations[1])).toBe(key);
  });

  test("cancel leaves the workbook alone", async () => {
    const host = new MemoryHost(spbeGrid());
    open(host);
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Terapkan ke buku kerja" }));
    await userEvent.click((await previewDialog("Terapkan ke buku kerja")).button("Batal"));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).not.toBeInTheDocument());
    expect(host.applied).toHaveLength(0);
  });

  test("a host failure is shown in the current language and can be dismissed", async () => {
    const host = new MemoryHost(spbeGrid(), ALL_CAPABILITIES, "en-US");
    open(host);
    await screen.findByText("3.19");
    await userEvent.click(screen.getByRole("button", { name: "Apply to workbook" }));
    const { button } = await previewDialog("Apply to workbook");
    // Apply waits for the preview's look at the workbook; the failure is the apply's.
    await waitFor(() => expect(button("Apply")).toBeEnabled());
    host.failNext = new HostError("protected", {
      id: "Lembar terkunci; buka kuncinya lalu coba lagi",
      en: "The sheet is protected; unprotect it and try again",
    });
    await userEvent.click(button("Apply"));
    expect(await screen.findByText("The sheet is protected; unprotect it and try again")).toBeInTheDocument();
    expect(host.applied).toHaveLength(0);
    await userEvent.click(screen.getByRole("button", { name: "Dismiss message" }));
    expect(screen.queryByText(/The sheet is protected/)).not.toBeInTheDocument();
  });

  test("switching language changes every text and number, and back", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(within(card(/Nilai Asesor/)).getByText("3.19")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Aspect indices" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    // No number changed, so nothing is announced as a change.
    expect(screen.getByTestId("live")).toHaveTextContent("");
    await userEvent.click(screen.getByRole("button", { name: "Ganti ke Bahasa Indonesia" }));
    expect(screen.getByRole("heading", { name: "Indeks aspek" })).toBeInTheDocument();
  });

  test("settings: threshold, level columns and language reach the analysis", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    const form = await screen.findByRole("form", { name: "Pengaturan" });
    const threshold = within(form).getByRole("textbox", { name: /Ambang nilai rendah/ });
    await userEvent.type(threshold, "9");
    await userEvent.click(within(form).getByRole("button", { name: "Gunakan pengaturan ini" }));
    expect(within(form).getByText("Isi angka 1–5.")).toBeInTheDocument();
    await userEvent.clear(threshold);
    await userEvent.type(threshold, "2");
    await userEvent.type(within(form).getByRole("textbox", { name: /Kolom nilai/ }), "D");
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Bahasa" }), "en");
    await userEvent.click(within(form).getByRole("button", { name: "Gunakan pengaturan ini" }));
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("tab", { name: "Low scores (1)" }));
    expect(screen.getByRole("heading", { name: "Low scores, below 2 (1)" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: /Penilaian Mandiri/ })).not.toBeInTheDocument();
    expect(within(card(/Nilai Asesor/)).getByText("3.19")).toBeInTheDocument();
  });

  test("settings offer the detected sheet and columns, and go back to automatic", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    const form = await screen.findByRole("form", { name: "Pengaturan" });
    expect(within(form).getByRole("option", { name: "Otomatis (yang terbaca): Kertas Kerja" })).toBeInTheDocument();
    expect(within(form).getByRole("textbox", { name: /Kolom nilai/ })).toHaveAttribute("placeholder", "C,D");
    await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Kerangka" }), "pemdi-2026");
    await userEvent.click(within(form).getByRole("button", { name: "Gunakan pengaturan ini" }));
    // an SPBE table is not read as Pemdi because the person said so: its names are not Pemdi's
    expect(
      await screen.findByText(/kolom B berisi nama \(mis\. ".+"\) yang bukan indikator Pemdi 2026/),
    ).toBeInTheDocument();
    expect(screen.queryByText("3,19")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    await userEvent.click(screen.getByRole("button", { name: "Kembali ke deteksi otomatis" }));
    expect(await screen.findByRole("heading", { name: /^Indeks SPBE.*Kertas Kerja/ })).toBeInTheDocument();
    expect(screen.getByText("3,19")).toBeInTheDocument();
  });

  test("a header row named below the rows read: the pane reads the rows it now needs and shows the index", async () => {
    const grid = spbeGrid();
    const sheet = grid.sheets[1];
    sheet.values.unshift(...Array.from({ length: 140 }, () => []));
    const header = sheet.values.findIndex((row) => row?.[0] === "No") + 1;
    const host = new MemoryHost(grid);
    open(host);
    await waitFor(() => expect(host.reads).toBe(1));
    expect(screen.queryByText("3,19")).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole("button", { name: "Pengaturan" }));
    const form = await screen.findByRole("form", { name: "Pengaturan" });
    await userEvent.type(within(form).getByRole("textbox", { name: /Baris judul/ }), String(header));
    await userEvent.click(within(form).getByRole("button", { name: "Gunakan pengaturan ini" }));
    expect(await screen.findByText("3,19")).toBeInTheDocument();
    expect(host.reads).toBe(2);
  });

  test("an older Excel: the pane says plainly what it cannot do", async () => {
    open(
      new MemoryHost(
        spbeGrid(),
        { dataValidation: false, conditionalFormats: false, events: false, names: false },
        "en-US",
      ),
    );
    await screen.findByText("3.19");
    expect(screen.getByText("This Excel is older")).toBeInTheDocument();
    expect(screen.getByText(/cannot set data validation from an add-in \(needs ExcelApi 1\.8\)/)).toBeInTheDocument();
    expect(screen.getByText(/does not tell add-ins when a level changes \(needs ExcelApi 1\.7\)/)).toBeInTheDocument();
    expect(screen.getByText(/after changing a level, click Refresh/)).toBeInTheDocument();
  });

  test("Pemdi: no domains, the alias in the predicate, the status note, external indicators marked", async () => {
    const grid = pemdiGrid();
    const host = new MemoryHost(grid);
    open(host);
    expect(await screen.findByText("1,24")).toBeInTheDocument();
    expect(screen.getByText("Kurang (Merintis)")).toBeInTheDocument();
    expect(screen.queryByText(/bobot dari sumber sekunder/)).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Indeks domain" })).not.toBeInTheDocument();
    expect(screen.getAllByRole("meter")).toHaveLength(7);
    expect(screen.queryByRole("tab", { name: "Indeks aspek" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("tab", { name: /^Nilai rendah/ }));
    const i5 = screen.getByRole("button", { name: /I5 Tata Kelola Data eksternal/ });
    await userEvent.click(i5);
    expect(host.selected).toEqual([{ sheet: "Pemdi 2026", address: cellOf(grid, "D", "I5", "Pemdi 2026") }]);
    // jsdom has no layout, so Fluent's overflow may put a tab in the "more" menu at any
    // moment; the tab is pressed as it is (Chromium tests the row and the menu at real widths).
    fireEvent.click(screen.getAllByRole("tab", { hidden: true }).find((t) => t.getAttribute("value") === "more")!);
    expect(screen.getByRole("heading", { name: "Indikator eksternal" })).toBeInTheDocument();
    expect(screen.getByText(/^bobot dari sumber sekunder .* tereproduksi sampai digit terakhir$/)).toBeInTheDocument();
    await userEvent.type(await screen.findByRole("textbox", { name: /Hitung I5 dari SDI/ }), "50");
    expect(screen.getByText("I5 = 3,00; ketik nilai ini di sel indikatornya.")).toBeInTheDocument();
  });

  test("keyboard: actions and list rows are real buttons in reading order, none out of the tab order", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    const names = screen.getAllByRole("button").map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(names.slice(0, 4)).toEqual(["Terapkan ke buku kerja", "Muat ulang", "Pengaturan", "Switch to English"]);
    expect(document.querySelectorAll("main [tabindex]:not([tabindex='-1']):not([tabindex='0'])")).toHaveLength(0);
    for (const b of screen.getAllByRole("button")) expect(b.tagName).toBe("BUTTON");
    const settings = screen.getByRole("button", { name: "Pengaturan" });
    expect(settings).toHaveAttribute("aria-expanded", "false");
    act(() => settings.focus());
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByRole("form", { name: "Pengaturan" })).toBeInTheDocument();
    expect(settings).toHaveAttribute("aria-expanded", "true");
  });
});
