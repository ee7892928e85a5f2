/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { skippedParts } from "../../../src/excel/capabilities";
import { HostCapabilities, HostError } from "../../../src/excel/workbookHost";
import { App } from "../../../src/taskpane/App";
import { lazyPart, MaybeLazy } from "../../../src/taskpane/components/lazyPart";
import type { ToolChartsProps } from "../../../src/taskpane/components/ToolCharts";
import { evidenceGrid, pemdiGrid, rowOf, spbeGrid } from "./grids";
import { ALL_CAPABILITIES, MemoryHost } from "./memoryHost";
import { setUpJsdomFluent } from "./jsdomFluent";
import "./english";

setUpJsdomFluent();

/** The Office.js host's report of what an older Excel skipped, on the in-memory host. */
class OlderExcelHost extends MemoryHost {
  lastSkipped() {
    return skippedParts(this.capabilities(), this.applied.at(-1));
  }
}

/** Stands in for the lazily loaded chart view: shows what it was given. */
function ChartsProbe({ charts }: ToolChartsProps) {
  return (
    <ul aria-label="chart probe">
      {charts.map((c) => (
        <li
          key={c.key}
        >{`${c.title}: ${c.series.map((x) => x.legend).join(" / ")}; ${c.target?.legend ?? "no target"}`}</li>
      ))}
    </ul>
  );
}

function open(host: MemoryHost, charts?: MaybeLazy<ToolChartsProps>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} charts={charts} />
    </FluentProvider>,
  );
}

/** A tool's header, on the tools tab (chosen first when another section shows), once the tabs' and the tools' chunks are there. */
async function tool(name: string | RegExp) {
  const tab = await screen.findByRole("tab", { name: /^(Alat asesor|Assessor tools)$/ });
  if (tab.getAttribute("aria-selected") !== "true") fireEvent.click(tab);
  return screen.findByRole("button", { name });
}

/** The step-by-step list of a plan, one click behind its lines per indicator. */
async function stepDetail(count: number) {
  const more = screen.getByRole("button", {
    name: new RegExp(`^(Rincian ${count} langkah|Details of the ${count} steps?)$`),
  });
  if (more.getAttribute("aria-expanded") !== "true") await userEvent.click(more);
}
const cellOf = (grid: ReturnType<typeof spbeGrid>, col: string, indicator: number | string, sheet = "Kertas Kerja") =>
  `${col}${rowOf(grid, sheet, indicator) + 1}`;

/** The planner without the yearly rise limit, as most of these tests study it; the default has its own test. */
async function noRiseLimit() {
  const rise = screen.getByRole("combobox", { name: /Kenaikan per indikator|Rise per indicator/ });
  if ((rise as HTMLSelectElement).value !== "0") await userEvent.selectOptions(rise, "0");
}

async function typeTarget(text: string, unlimited = true) {
  if (unlimited) await noRiseLimit();
  const box = screen.getByRole("textbox", { name: /Target indeks/ });
  await userEvent.clear(box);
  await userEvent.type(box, text);
  return box;
}

describe("path to target", () => {
  test("Denpasar: 3.19 → 3.70 in 18 steps ending at 3.71, Sangat Baik from step 11; a step selects its cell", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    const header = await tool("Menuju target");
    expect(screen.getByRole("heading", { name: "Alat asesor" })).toBeInTheDocument();
    expect(header).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("textbox", { name: /Target indeks/ })).not.toBeInTheDocument();
    await userEvent.click(header);
    expect(header).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText(/Ketik target indeks/)).toBeInTheDocument();
    await typeTarget("3,70");

    expect(
      screen.getByText("Indeks 3,75, Sangat Baik, sudah mencapai target 3,70; tidak perlu menaikkan nilai."),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Target 3,70 tercapai dengan 18 langkah: indeks menjadi 3,71, Sangat Baik."),
    ).toBeInTheDocument();
    // One line per indicator first: 43 and 44 each once, with all their steps.
    const groups = within(
      screen.getByRole("list", { name: "Indikator yang dinaikkan untuk Nilai Asesor (D)" }),
    ).getAllByRole("listitem");
    expect(groups.length).toBeLessThan(18);
    expect(
      within(groups[0]).getByRole("button", {
        name: /^43 Layanan Data Terbuka D\d+ nilai 2 → 5 3 langkah indeks setelahnya 3,2\d$/,
      }),
    ).toBeInTheDocument();
    await stepDetail(18);
    const list = screen.getByRole("list", { name: "Langkah untuk Nilai Asesor (D)" });
    const steps = within(list).getAllByRole("listitem");
    expect(steps).toHaveLength(18);
    const step11 = within(steps[10]).getByRole("button", { name: /^Langkah 11 / });
    expect(step11).toHaveAccessibleName(
      `Langkah 11 33 Layanan Penganggaran ${cellOf(grid, "D", 33)} nilai 3 → 4 indeks menjadi 3,52 predikat berubah: Baik → Sangat Baik`,
    );
    expect(within(steps[17]).getByRole("button", { name: /^Langkah 18 .* indeks menjadi 3,71$/ })).toBeInTheDocument();
    expect(within(list).getAllByText(/predikat berubah/)).toHaveLength(1);

    await userEvent.click(within(steps[0]).getByRole("button", { name: /^Langkah 1 / }));
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: cellOf(grid, "D", 43) }]);
  });

  test("marking an indicator out of reach makes the plan again without it, and it can be put back", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("3.7");
    await stepDetail(18);
    const list = () => screen.getByRole("list", { name: "Langkah untuk Nilai Asesor (D)" });
    expect(within(list()).getAllByRole("button", { name: /^Langkah \d+ 43 / })).toHaveLength(3);
    await userEvent.click(
      within(list()).getAllByRole("button", { name: "Tandai indikator 43 di luar jangkauan tahun ini" })[0],
    );
    expect(within(list()).queryAllByRole("button", { name: /^Langkah \d+ 43 / })).toHaveLength(0);
    expect(within(list()).getAllByRole("listitem")).toHaveLength(18);
    const out = screen.getByRole("group", { name: "Di luar jangkauan tahun ini" });
    await userEvent.click(within(out).getByRole("button", { name: "Kembalikan indikator 43 ke rencana" }));
    expect(screen.queryByRole("group", { name: "Di luar jangkauan tahun ini" })).not.toBeInTheDocument();
    expect(within(list()).getAllByRole("button", { name: /^Langkah \d+ 43 / })).toHaveLength(3);
  });

  test("a target that is not a number in range is refused plainly", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("9");
    expect(screen.getByText("Isi angka 0–5, misalnya 4,20.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: /Langkah untuk/ })).not.toBeInTheDocument();
    await typeTarget("tiga");
    expect(screen.getByText("Isi angka 0–5, misalnya 4,20.")).toBeInTheDocument();
  });

  test("the target is stored in the results sheet on apply, and the pane starts from it next time", async () => {
    const host = new MemoryHost(spbeGrid());
    const first = open(host);
    await screen.findByText("3,19");
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("3,7");
    await userEvent.click(screen.getByRole("button", { name: "Terapkan ke buku kerja" }));
    const dialog = await screen.findByRole("dialog", { name: "Terapkan ke buku kerja" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Terapkan" }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const stored = host.applied[0].cells.find((c) => c.sheet === "Indeks SPBE" && c.address === "B7");
    expect(stored).toMatchObject({ value: 3.7 });
    await screen.findByText(/Sudah diterapkan/);
    first.unmount();

    open(new MemoryHost(host.grid));
    await screen.findByText("3,19");
    await userEvent.click(await tool("Menuju target"));
    expect(screen.getByRole("textbox", { name: /Target indeks/ })).toHaveValue("3,70");
    // A fresh pane plans as a city can: each indicator at most one level up.
    expect(
      screen.getByText("Target 3,70 tercapai dengan 19 langkah: indeks menjadi 3,72, Sangat Baik."),
    ).toBeInTheDocument();
    const lines = within(screen.getByRole("list", { name: "Indikator yang dinaikkan untuk Nilai Asesor (D)" }));
    expect(lines.getAllByRole("button", { name: / 1 langkah / })).toHaveLength(19);
    await noRiseLimit();
    expect(
      screen.getByText("Target 3,70 tercapai dengan 18 langkah: indeks menjadi 3,71, Sangat Baik."),
    ).toBeInTheDocument();
  });

  test("Pemdi Aceh Tengah: one value step is 0.25 unless the assessor picks another", async () => {
    const grid = pemdiGrid();
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("1,24");
    expect(screen.queryByRole("button", { name: "Selisih mandiri dan asesor" })).not.toBeInTheDocument();
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("2");
    const step = screen.getByRole("combobox", { name: /Langkah nilai/ });
    expect(step).toHaveValue("0.25");
    expect(within(step).getByRole("option", { name: "0,25" })).toBeInTheDocument();
    expect(screen.getByText("Tiap langkah menaikkan satu nilai 0,25.")).toBeInTheDocument();
    const i20Line = within(
      screen.getByRole("list", { name: "Indikator yang dinaikkan untuk Nilai Asesor (D)" }),
    ).getAllByRole("button", { name: /^I20 .* D\d+ / });
    expect(i20Line).toHaveLength(1);
    await stepDetail(23);
    const list = () => screen.getByRole("list", { name: "Langkah untuk Nilai Asesor (D)" });
    const i20 = cellOf(grid, "D", "I20", "Pemdi 2026");
    expect(within(list()).getAllByRole("button")[0]).toHaveAccessibleName(
      `Langkah 1 I20 Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah ${i20} nilai 1,30 → 1,55 indeks menjadi 1,28`,
    );
    expect(within(list()).getAllByRole("listitem")).toHaveLength(23);
    await userEvent.selectOptions(step, "0.5");
    await stepDetail(within(list()).getAllByRole("listitem").length);
    expect(within(list()).getAllByRole("button")[0]).toHaveAccessibleName(/nilai 1,30 → 1,80 indeks menjadi 1,32$/);
    await userEvent.click(within(list()).getAllByRole("button", { name: /^Langkah 1 / })[0]);
    expect(host.selected).toEqual([{ sheet: "Pemdi 2026", address: i20 }]);
  });
});

describe("the plan written to a sheet", () => {
  test("Tulis rencana ke lembar writes the column's plan through Apply's check into Rencana Target, and again into the same sheet", async () => {
    const grid = spbeGrid();
    // A person's own sheet of that name is left alone: the plan goes beside it.
    grid.sheets.push({ name: "Rencana Target", values: [["rencana kerja dinas"]] });
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("3,7", false);
    const message = screen.getByText(/^Target 3,70 tercapai dengan \d+ langkah: indeks menjadi (\d,\d\d)/);
    const planned = /indeks menjadi (\d,\d\d)/.exec(message.textContent!)![1].replace(",", ".");
    const buttons = screen.getAllByRole("button", { name: "Tulis rencana ke lembar" });
    // One per level column: the self-assessment already meets the target, and its plan can be written too.
    expect(buttons).toHaveLength(2);
    expect(buttons[1]).toHaveAttribute("title", expect.stringMatching(/rumus hidup/));
    await userEvent.click(buttons[1]);
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const plan = host.applied[0];
    expect(plan.sheets).toEqual(["Rencana Target 2"]);
    expect(plan.cells.every((c) => c.sheet === "Rencana Target 2")).toBe(true);
    const at = (address: string) => plan.cells.find((c) => c.address === address)!;
    expect(at("B3").value).toBe("Kertas Kerja");
    expect(at("B4").value).toBe("D");
    expect(at("B5").value).toBe(3.7);
    expect(at("D8").result).toBe(3.19);
    expect(at("E8").result).toBe(Number(planned));
    expect(at("E10").result).toBe("Ya / Yes");
    expect(host.grid.sheets.find((x) => x.name === "Rencana Target")!.values).toEqual([["rencana kerja dinas"]]);
    expect(
      await screen.findByText(
        'Rencana ditulis ke lembar "Rencana Target 2"; ubah sel kuning di sana untuk mencoba kenaikan lain.',
      ),
    ).toBeInTheDocument();

    // Another target, written again: the same sheet, recognised as the tool's.
    await typeTarget("3,5", false);
    await userEvent.click(screen.getAllByRole("button", { name: "Tulis rencana ke lembar" })[1]);
    await waitFor(() => expect(host.applied).toHaveLength(2));
    expect(host.applied[1].sheets).toEqual(["Rencana Target 2"]);
    expect(host.applied[1].cells.find((c) => c.address === "B5")!.value).toBe(3.5);
    expect(host.grid.sheets.filter((x) => x.name.startsWith("Rencana Target"))).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Tutup pesan" })).not.toBeInTheDocument();
  });

  test("a write Excel refuses says why, bilingual message in the pane's language, and nothing is written", async () => {
    const host = new MemoryHost(spbeGrid());
    open(host);
    await screen.findByText("3,19");
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("3,7", false);
    host.failNext = new HostError("protected", {
      id: 'Struktur buku kerja diproteksi, jadi lembar "Rencana Target" tidak dapat ditambahkan',
      en: "The workbook's structure is protected",
    });
    await userEvent.click(screen.getAllByRole("button", { name: "Tulis rencana ke lembar" })[1]);
    expect(await screen.findByText(/Struktur buku kerja diproteksi/)).toBeInTheDocument();
    expect(host.applied).toHaveLength(0);
    expect(screen.queryByText(/Rencana ditulis ke lembar/)).not.toBeInTheDocument();
  });

  test("Pemdi: a plan in decimal values is offered as a sheet too", async () => {
    const host = new MemoryHost(pemdiGrid());
    open(host);
    await screen.findByText("1,24");
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("1,5", false);
    await userEvent.click(screen.getByRole("button", { name: "Tulis rencana ke lembar" }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const plan = host.applied[0];
    expect(plan.validations.find((v) => v.ranges[0].startsWith("E"))).toMatchObject({
      type: "decimal",
      min: 1,
      max: 5,
    });
    expect(plan.cells.find((c) => c.address === "E8")!.result).toBeGreaterThanOrEqual(1.5);
  });
});

describe("self versus assessor", () => {
  test("Denpasar: 3.75 → 3.19, −0.56, by domain and aspect in the tool; the differing rows as the agenda under the results", async () => {
    const grid = spbeGrid();
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    // The agenda stands in the main view, before the tabs: no tool to open.
    expect(screen.getByRole("heading", { name: "Agenda: nilai yang berbeda (29)" })).toBeInTheDocument();
    expect(screen.getByText(/Pengaruh terbesar di atas/)).toHaveTextContent(
      "Penilaian Mandiri (C) 3,75 → Nilai Asesor (D) 3,19, selisih −0,56.",
    );
    const rows = () => screen.getAllByRole("button", { name: /pengaruh ke indeks/ });
    const first = rows()[0];
    expect(first).toHaveAccessibleName(
      `40 Layanan Akuntabilitas Kinerja Organisasi ${cellOf(grid, "D", 40)} nilai 5 → 3 pengaruh ke indeks −0,06 bila diterima 3,25 terbesar`,
    );
    // Only the largest is marked.
    expect(rows().filter((r) => r.textContent!.includes("terbesar"))).toHaveLength(1);
    expect(rows()).toHaveLength(5);
    await userEvent.click(screen.getByRole("button", { name: "Tampilkan semua (29)" }));
    expect(rows()).toHaveLength(29);
    await userEvent.click(first);
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: cellOf(grid, "D", 40) }]);

    await userEvent.click(await tool("Selisih mandiri dan asesor"));
    expect(screen.getByText("Penilaian Mandiri (C) → Nilai Asesor (D)")).toBeInTheDocument();
    expect(screen.getByText("3,75 → 3,19")).toBeInTheDocument();
    expect(screen.getByText("−0,56", { selector: "span" })).toHaveTextContent("Selisih indeks −0,56");
    expect(screen.getByRole("heading", { name: "Sumbangan tiap domain ke selisih indeks" })).toBeInTheDocument();
    expect(screen.getByText("Layanan SPBE", { selector: "li span" }).closest("li")).toHaveTextContent(
      /Domain 4.*indeks sendiri 4,13 → 3,55.*\(8 berbeda\).*sumbangan ke selisih indeks −0,26/,
    );
  });
});

describe("charts", () => {
  test("the chart view gets the domains and aspects of each column, and the target once one is set", async () => {
    open(new MemoryHost(spbeGrid()), ChartsProbe);
    await screen.findByText("3,19");
    await userEvent.click(await tool("Grafik"));
    const probe = await screen.findByRole("list", { name: "chart probe" });
    expect(
      within(probe)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Indeks domain: Penilaian Mandiri (C) / Nilai Asesor (D); no target",
      "Indeks aspek: Penilaian Mandiri (C) / Nilai Asesor (D); no target",
    ]);
    await userEvent.click(await tool("Menuju target"));
    await typeTarget("3,7");
    expect(within(probe).getAllByRole("listitem")[0]).toHaveTextContent(
      "Indeks domain: Penilaian Mandiri (C) / Nilai Asesor (D); Garis target 3,70",
    );
  });

  test("a chart chunk that cannot be fetched names the part and offers to try again; the retry draws the charts", async () => {
    // React reports every error a boundary catches on the console; the message in the pane is what counts here.
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    let served = false;
    let fetches = 0;
    const Charts = lazyPart("charts", async () => {
      fetches++;
      // As webpack rejects a chunk the server no longer has (it was updated since the pane opened).
      if (!served)
        throw Object.assign(new Error("Loading chunk 864 failed. (error: …/864.0a1b2c3d.js)"), {
          name: "ChunkLoadError",
        });
      return ChartsProbe;
    });
    try {
      open(new MemoryHost(spbeGrid()), Charts);
      await screen.findByText("3,19");
      await userEvent.click(await tool("Grafik"));
      expect(await screen.findByText("Grafik tidak dapat dimuat")).toBeInTheDocument();
      expect(
        screen.getByText(/tidak terunduh dari servernya: jaringan terputus, atau add-in baru saja diperbarui/),
      ).toBeInTheDocument();
      expect(screen.queryByRole("list", { name: "chart probe" })).not.toBeInTheDocument();
      // The rest of the pane goes on: the index, the other tools.
      expect(screen.getByText("3,19")).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Menuju target" })).toBeEnabled();
      // Still gone: trying again says so again.
      await userEvent.click(screen.getByRole("button", { name: "Coba lagi" }));
      expect(await screen.findByText("Grafik tidak dapat dimuat")).toBeInTheDocument();
      const before = fetches;
      served = true;
      await userEvent.click(screen.getByRole("button", { name: "Coba lagi" }));
      expect(await screen.findByRole("list", { name: "chart probe" })).toBeInTheDocument();
      expect(screen.queryByText("Grafik tidak dapat dimuat")).not.toBeInTheDocument();
      expect(fetches).toBe(before + 1);
    } finally {
      quiet.mockRestore();
    }
  });

  test("a chart view that fails while drawing names the part and the error, not a download", async () => {
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const Charts = lazyPart<ToolChartsProps>("charts", async () => () => {
      throw new Error("no room to draw");
    });
    try {
      open(new MemoryHost(spbeGrid(), ALL_CAPABILITIES, "en-US"), Charts);
      await screen.findByText("3.19");
      await userEvent.click(await tool("Charts"));
      expect(await screen.findByText("The charts could not be loaded")).toBeInTheDocument();
      expect(screen.getByText("The charts stopped with an error: no room to draw")).toBeInTheDocument();
    } finally {
      quiet.mockRestore();
    }
  });

  test("without a chart view there is no chart section", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await tool("Menuju target");
    expect(screen.queryByRole("button", { name: "Grafik" })).not.toBeInTheDocument();
  });
});

describe("levels without evidence", () => {
  test("counted per domain for each column; a row selects the empty evidence cell", async () => {
    const grid = evidenceGrid({ 3: "SK Walikota" });
    const host = new MemoryHost(grid);
    open(host);
    await screen.findByText("3,19");
    const header = await tool(/^Tanpa bukti dukung \(\d+\)$/);
    await userEvent.click(header);
    expect(screen.getByText(/sel bukti dukungnya \(kolom E\) kosong/)).toBeInTheDocument();
    const self = screen.getByRole("heading", { level: 5, name: /^Penilaian Mandiri \(C\) · \d+$/ });
    expect(self).toBeInTheDocument();
    expect(screen.getAllByRole("term").map((t) => t.textContent)).toEqual(
      expect.arrayContaining(["Domain 1Kebijakan Internal SPBE", "Domain 4Layanan SPBE"]),
    );
    expect(screen.queryByRole("button", { name: /^E\d+ 3 Kebijakan Internal Manajemen Data/ })).not.toBeInTheDocument();
    const row = screen.getAllByRole("button", { name: /^E\d+ 11 Arsitektur SPBE nilai 4$/ })[0];
    await userEvent.click(row);
    expect(host.selected).toEqual([{ sheet: "Kertas Kerja", address: cellOf(grid, "E", 11) }]);
  });

  test("no evidence column, no such section", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await tool("Menuju target");
    expect(screen.queryByRole("button", { name: /Tanpa bukti dukung/ })).not.toBeInTheDocument();
  });
});

describe("after an apply on an older Excel", () => {
  test("the pane lists the parts this Excel skipped", async () => {
    const old: HostCapabilities = { ...ALL_CAPABILITIES, dataValidation: false, conditionalFormats: false };
    const host = new OlderExcelHost(spbeGrid(), old, "en-US");
    open(host);
    await screen.findByText("3.19");
    await userEvent.click(screen.getByRole("button", { name: "Apply to workbook" }));
    const dialog = await screen.findByRole("dialog", { name: "Apply to workbook" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Apply" }));
    await screen.findByText(/^Applied: \d+ cells written\./);
    expect(screen.getByText("Parts this Excel could not write:")).toBeInTheDocument();
    expect(screen.getByText(/cannot set data validation from an add-in \(needs ExcelApi 1\.8\)/)).toBeInTheDocument();
    expect(
      screen.getByText(/cannot add conditional formats from an add-in \(needs ExcelApi 1\.6\)/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole("button", { name: "Dismiss message" })[0]);
    expect(screen.queryByText("Parts this Excel could not write:")).not.toBeInTheDocument();
    // the standing notice, which left them out beside the confirmation, lists them again
    expect(screen.getByText(/cannot set data validation from an add-in \(needs ExcelApi 1\.8\)/)).toBeInTheDocument();
  });

  test("a full Excel skips nothing and says nothing more", async () => {
    const host = new OlderExcelHost(spbeGrid());
    open(host);
    await screen.findByText("3,19");
    await userEvent.click(screen.getByRole("button", { name: "Terapkan ke buku kerja" }));
    const dialog = await screen.findByRole("dialog", { name: "Terapkan ke buku kerja" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Terapkan" }));
    await screen.findByText(/Sudah diterapkan/);
    expect(screen.queryByText("Bagian yang tidak dapat ditulis oleh Excel ini:")).not.toBeInTheDocument();
  });
});

describe("keyboard and language", () => {
  test("the tool headers are buttons in headings, opened with Enter; English follows the switch", async () => {
    open(new MemoryHost(spbeGrid()));
    await screen.findByText("3,19");
    await tool("Menuju target");
    const headings = screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(expect.arrayContaining(["Menuju target", "Selisih mandiri dan asesor"]));
    const header = await tool("Selisih mandiri dan asesor");
    act(() => header.focus());
    await userEvent.keyboard("{Enter}");
    expect(header).toHaveAttribute("aria-expanded", "true");
    await userEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByRole("button", { name: "Self versus assessor" })).toHaveAttribute("aria-expanded", "true");
    expect(
      screen.getByRole("heading", { name: "Each domain's contribution to the index difference" }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: /effect on the index −0\.06 / })[0]).toHaveAccessibleName(
      /^40 Organisational performance accountability \(SAKIP\) .* value 5 → 3 effect on the index −0\.06 if accepted 3\.25 largest$/,
    );
  });
});
