/**
 * Loaded in the task pane's frame in place of office.js: hands the pane the fake
 * `Excel` and `Office` of the workbench page around it, before the pane's own script
 * runs. The pane bundle itself is the production build, unchanged.
 */
import type { FakeExcel } from "../fake-excel";

const fake = (window.parent as unknown as { __workbench?: FakeExcel }).__workbench;
if (!fake) throw new Error("the workbench page has not created its fake Excel");
Object.assign(window, { Excel: fake.Excel, Office: fake.Office });
