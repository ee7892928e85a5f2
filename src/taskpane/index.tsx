/**
 * Entry point of the task pane: wait for Office, create the host over Office.js, and
 * render the pane in the Office theme. The page's own start (taskpane.html) has
 * already checked that this webview can run the bundle and watches for Office's
 * script; here the pane says so when it is open outside Excel.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { lazy } from "react";
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../excel/officeHost";
import { App } from "./App";
import { isDarkTheme } from "./theme";

/** What taskpane.html's start offers the bundle. */
interface Boot {
  unsupported: boolean;
  show(kind: "outside-excel" | "office-blocked"): void;
  started(): void;
}

declare global {
  interface Window {
    spbeBoot?: Boot;
  }
}

/** The charts and their library are a separate chunk, fetched the first time the assessor opens them. */
const ToolCharts = lazy(() =>
  import(/* webpackChunkName: "charts" */ "./components/ToolCharts.js").then((m) => ({ default: m.ToolCharts })),
);

/** Office's theme where this Excel reports one; some hosts have no such property. */
function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme;
  } catch {
    return undefined;
  }
}

function start(): void {
  const boot = window.spbeBoot;
  if (boot?.unsupported) return;
  // Office's script did not load: the page's start names the address to allow.
  if (typeof Office === "undefined") {
    boot?.show("office-blocked");
    return;
  }
  // The promise form: Office.js and the workbench's fake both resolve it once the host is ready.
  void Office.onReady().then((info) => {
    // Opened in a browser, or in another Office program: there is no workbook to read.
    if (info?.host !== Office.HostType.Excel || typeof Excel === "undefined") {
      boot?.show("outside-excel");
      return;
    }
    boot?.started();
    const host = createOfficeHost(Excel, Office);
    const dark = isDarkTheme(officeTheme());
    document.body.style.backgroundColor = dark
      ? webDarkTheme.colorNeutralBackground1
      : webLightTheme.colorNeutralBackground1;
    const container = document.getElementById("container")!;
    createRoot(container).render(
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
        <App host={host} charts={ToolCharts} />
      </FluentProvider>,
    );
  });
}

start();
