/** @jest-environment jsdom */
/**
 * What the pane says about Excel itself, on the Office.js host over the strict fake:
 * Manual calculation with a button that recalculates, sheets whose conditional formats
 * Excel cannot list, and numbers written with the decimal sign Excel shows the cells with.
 */
import "./nodeGlobals";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createOfficeHost } from "../../../src/excel/officeHost";
import { createFakeExcel, FakeExcelOptions } from "../../../src/fake-excel";
import { App } from "../../../src/taskpane/App";
import { followExcelDecimalSign } from "../../../src/taskpane/format";
import { spbeGrid } from "./grids";
import { setUpJsdomFluent } from "./jsdomFluent";
import "./english";

setUpJsdomFluent();
afterEach(() => followExcelDecimalSign(undefined));

function open(options: FakeExcelOptions, prepare: (fake: ReturnType<typeof createFakeExcel>) => void = () => {}) {
  const fake = createFakeExcel(spbeGrid(), { displayLanguage: "id-ID", ...options });
  prepare(fake);
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={createOfficeHost(fake.Excel, fake.Office)} />
    </FluentProvider>,
  );
  return fake;
}

const card = (name: RegExp) => screen.getByRole("region", { name });

describe("the pane and Excel's own settings", () => {
  test("Indonesian pane, English regional settings in Excel: numbers as the cells show them (3.19)", async () => {
    open({ culture: "en-US" });
    expect(await within(await screen.findByRole("region", { name: /Nilai Asesor/ })).findByText("3.19")).toBeVisible();
    expect(screen.getByRole("meter", { name: /Domain 3 Manajemen SPBE — Nilai Asesor/ })).toHaveAttribute(
      "aria-valuetext",
      "2.18",
    );
  });

  test("English pane, Indonesian regional settings in Excel: 3,19", async () => {
    open({ culture: "id-ID", displayLanguage: "en-US" });
    expect(await within(await screen.findByRole("region", { name: /Nilai Asesor/ })).findByText("3,19")).toBeVisible();
  });

  test("an old Excel says nothing of its regional settings: the pane's language decides", async () => {
    open({ culture: "en-US", apiVersion: "1.10" });
    await screen.findByRole("region", { name: /Nilai Asesor/ });
    expect(within(card(/Nilai Asesor/)).getByText("3,19")).toBeVisible();
  });

  test("Manual calculation: the pane says so and recalculates the workbook on request", async () => {
    const fake = open({}, (f) => f.workbook.setCalculationMode("Manual"));
    const notice =
      (await screen.findByText("Excel menghitung hanya saat diminta")).closest("[role=group]") ?? document.body;
    expect(notice).toHaveTextContent(/F9/);
    // a formula of the sheet that the last calculation left behind
    fake.workbook.setValue("Kertas Kerja", "H7", "=D7+1");
    const before = fake.workbook.value("Kertas Kerja", "H7");
    fake.workbook.setValue("Kertas Kerja", "D7", 3);
    expect(fake.workbook.value("Kertas Kerja", "H7")).toBe(before);
    expect(before).not.toBe(4);
    await userEvent.click(screen.getByRole("button", { name: "Hitung ulang sekarang" }));
    await waitFor(() => expect(fake.workbook.value("Kertas Kerja", "H7")).toBe(4));
  });

  test("automatic calculation: no notice", async () => {
    open({});
    await screen.findByRole("region", { name: /Nilai Asesor/ });
    expect(screen.queryByText("Excel menghitung hanya saat diminta")).not.toBeInTheDocument();
  });

  test("a sheet whose conditional formats Excel cannot list: read anyway, and said", async () => {
    open({}, (f) => f.workbook.conditionalFormatFaults({ unreadableRules: ["Kertas Kerja"] }));
    expect(await screen.findByText("Format bersyarat tidak terbaca")).toBeVisible();
    expect(screen.getByText(/di lembar "Kertas Kerja"/)).toBeVisible();
    expect(within(card(/Nilai Asesor/)).getByText("3,19")).toBeVisible();
  });
});
