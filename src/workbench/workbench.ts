/**
 * The workbench page: a sample workbook on the strict fake Excel, drawn as a grid a
 * person can edit, beside the production task pane in a frame. Query options:
 * ?lang=en-US (Office's language), ?theme=dark, ?api=1.3 (an older Excel).
 */
import { createFakeExcel, FakeExcel } from "../fake-excel";
import { a1, columnLetter, WorkbookGrid } from "../core/grid";
import { refusal } from "./validationCheck";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Pixels for a column: Excel's width where the workbook sets one, else enough for its text. */
function columnWidths(fake: FakeExcel, sheet: string, rows: number, cols: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < cols; c++) {
    const pt = fake.workbook.columnWidth(sheet, columnLetter(c));
    if (pt !== undefined) {
      out.push(Math.round((pt * 96) / 72));
      continue;
    }
    let longest = 0;
    for (let r = 0; r < rows; r++) longest = Math.max(longest, fake.workbook.cellAt(sheet, r, c).text.length);
    out.push(Math.min(300, Math.max(64, longest * 7 + 10)));
  }
  return out;
}

class Workbench {
  sheet: string;
  selected = { row: 0, col: 0 };
  private lastSelection = "";
  private pending = false;

  constructor(private fake: FakeExcel) {
    this.sheet = fake.workbook.activeSheet() ?? fake.workbook.sheetNames()[0];
    fake.workbook.subscribe(() => this.schedule());
    // The pane's go-to moves Excel's selection; that is no workbook change, so look for it.
    setInterval(() => this.followSelection(), 100);
    this.bindInputs();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  private followSelection() {
    const sel = this.fake.workbook.selection();
    const key = sel ? `${sel.sheet}!${sel.address}` : "";
    if (!sel || key === this.lastSelection) return;
    this.lastSelection = key;
    const m = /^([A-Z]+)(\d+)/.exec(sel.address);
    if (!m) return;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    this.sheet = sel.sheet;
    this.selected = { row: Number(m[2]) - 1, col: col - 1 };
    this.render();
    document.querySelector("td.selected")?.scrollIntoView({ block: "center", inline: "nearest" });
  }

  private select(row: number, col: number) {
    this.selected = { row: Math.max(0, row), col: Math.max(0, col) };
    this.render();
    document.querySelector("td.selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  private commit(input: string) {
    const { row, col } = this.selected;
    const address = a1(row, col);
    const refused = refusal(this.fake.workbook.cell(this.sheet, address).validation, input);
    if (refused) {
      this.alert(refused.title, refused.message);
      return false;
    }
    const text = input.trim();
    const number = text !== "" && !text.startsWith("=") && Number.isFinite(Number(text)) ? Number(text) : null;
    this.fake.workbook.setValue(this.sheet, address, number ?? (text === "" ? null : input));
    return true;
  }

  private alert(title: string, message: string) {
    $("alert-title").textContent = title;
    $("alert-message").textContent = message;
    $("alert").hidden = false;
    $("alert-ok").focus();
  }

  private bindInputs() {
    const formula = $<HTMLInputElement>("formula");
    const wrap = $("grid-wrap");
    formula.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        if (this.commit(formula.value)) {
          this.select(this.selected.row + 1, this.selected.col);
          wrap.focus();
        }
      } else if (e.key === "Escape") {
        // Leave the edit: focus first, so the render puts the cell's content back.
        wrap.focus();
        this.render();
      }
    });
    wrap.addEventListener("keydown", (e) => {
      const { row, col } = this.selected;
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
        Enter: [1, 0],
        Tab: [0, 1],
      };
      if (moves[e.key]) {
        e.preventDefault();
        this.select(row + moves[e.key][0], col + moves[e.key][1]);
      } else if (e.key === "F2") {
        e.preventDefault();
        formula.focus();
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        this.commit("");
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // Typing on a cell starts editing it, as in Excel.
        e.preventDefault();
        formula.value = e.key;
        formula.focus();
      }
    });
    $("grid").addEventListener("click", (e) => {
      const td = (e.target as HTMLElement).closest("td");
      if (!td) return;
      this.select(Number(td.dataset.row), Number(td.dataset.col));
      wrap.focus();
    });
    $("grid").addEventListener("dblclick", () => formula.focus());
    $("alert-ok").addEventListener("click", () => {
      $("alert").hidden = true;
      formula.focus();
    });
  }

  render() {
    const wb = this.fake.workbook;
    const names = wb.sheetNames();
    if (!names.includes(this.sheet)) this.sheet = names[0];
    $("syncs").textContent = String(this.fake.syncs);

    const tabs = $("tabs");
    tabs.replaceChildren(
      ...names.map((name) => {
        const b = document.createElement("button");
        b.type = "button";
        b.role = "tab";
        b.textContent = name;
        b.setAttribute("aria-selected", String(name === this.sheet));
        b.addEventListener("click", () => {
          this.sheet = name;
          this.selected = { row: 0, col: 0 };
          this.render();
        });
        return b;
      }),
    );

    const dims = wb.dimensions(this.sheet);
    const rows = Math.max(dims.rows + 3, 30);
    const cols = Math.max(dims.columns + 1, 8);
    const widths = columnWidths(this.fake, this.sheet, dims.rows, cols);
    const table = $("grid");
    const colgroup = document.createElement("colgroup");
    colgroup.append(Object.assign(document.createElement("col"), { style: "width:40px" }));
    for (const w of widths) colgroup.append(Object.assign(document.createElement("col"), { style: `width:${w}px` }));
    const head = document.createElement("thead");
    const hr = head.insertRow();
    hr.append(Object.assign(document.createElement("th"), { className: "row" }));
    for (let c = 0; c < cols; c++)
      hr.append(Object.assign(document.createElement("th"), { textContent: columnLetter(c), scope: "col" }));
    const body = document.createElement("tbody");
    for (let r = 0; r < rows; r++) {
      const tr = body.insertRow();
      tr.append(
        Object.assign(document.createElement("th"), { className: "row", textContent: String(r + 1), scope: "row" }),
      );
      for (let c = 0; c < cols; c++) {
        const cell = wb.cellAt(this.sheet, r, c);
        const td = tr.insertCell();
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.address = cell.address;
        td.textContent = cell.text;
        if (cell.text.length > 12) td.title = cell.text;
        const s = cell.style;
        const numeric = typeof cell.value === "number";
        const align = s.horizontalAlignment?.toLowerCase();
        if (align === "right" || (numeric && align !== "left" && align !== "center")) td.classList.add("num");
        if (align === "center") td.style.textAlign = "center";
        if (s.fill) td.style.background = s.fill;
        if (s.fontColor) td.style.color = s.fontColor;
        if (s.bold) td.style.fontWeight = "600";
        if (s.italic) td.style.fontStyle = "italic";
        if (r === this.selected.row && c === this.selected.col) {
          td.classList.add("selected");
          td.setAttribute("aria-selected", "true");
        }
      }
    }
    table.replaceChildren(colgroup, head, body);
    // A fixed layout keeps each column at its own width instead of stretching to the window.
    table.style.width = `${40 + widths.reduce((a, b) => a + b, 0)}px`;

    const sel = wb.cellAt(this.sheet, this.selected.row, this.selected.col);
    $<HTMLInputElement>("namebox").value = `${this.sheet}!${sel.address}`;
    const formula = $<HTMLInputElement>("formula");
    if (document.activeElement !== formula)
      formula.value = sel.formula ?? (sel.value === null ? "" : String(sel.value));
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  const { name, grid } = (await (await fetch("sample-grid.json")).json()) as { name: string; grid: WorkbookGrid };
  const lang = params.get("lang") ?? "id-ID";
  const theme = params.get("theme") === "dark" ? "dark" : "light";
  const api = params.get("api") ?? "1.14";
  // ?culture=en-US: Excel's regional settings apart from Office's language; ?calc=manual: Excel set to Manual calculation.
  const culture = params.get("culture") ?? undefined;
  // The pane's frame takes the width the add-in asks Office for, within Excel on the web's range.
  const onPaneWidth = (w: number) => (document.querySelector<HTMLElement>(".pane")!.style.width = `${w}px`);
  const fake = createFakeExcel(grid, { apiVersion: api, displayLanguage: lang, theme, culture, onPaneWidth });
  if (params.get("calc") === "manual") fake.workbook.setCalculationMode("Manual");
  (window as unknown as { __workbench: FakeExcel }).__workbench = fake;

  $("file").textContent = name;
  for (const [id, value, key] of [
    ["opt-lang", lang, "lang"],
    ["opt-theme", theme, "theme"],
    ["opt-api", api, "api"],
  ] as const) {
    const select = $<HTMLSelectElement>(id);
    select.value = value;
    select.addEventListener("change", () => {
      params.set(key, select.value);
      location.search = params.toString();
    });
  }
  new Workbench(fake).render();
  // Only now does the pane load: its office.js stand-in takes the fake from this page.
  $<HTMLIFrameElement>("pane").src = "pane/taskpane.html";
}

void main();
