/**
 * Entry point of the task pane: wait for Office, create the host over Office.js, and
 * render the pane in the Office theme and language (the dark theme's tokens and the English
 * words are chunks of their own, fetched before the first render only when Office is dark,
 * or runs in English). The page's own start (taskpane.html) has
 * already checked that this webview can run the bundle and watches for Office's
 * script; here the pane says so when it is open outside Excel.
 */
import { FluentProvider, Theme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../excel/officeHost";
import { App } from "./App";
import { startLanguage } from "./chunks";
import { LazyCharts } from "./components/parts";
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

/** Office's theme where this Excel reports one; some hosts have no such property. */
function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme;
  } catch {
    return undefined;
  }
}

/**
 * The Fluent theme for Office's: light is in the first download; dark is fetched first when
 * Office is dark. Should that fetch fail, the pane still opens, in the light theme.
 */
async function paneTheme(dark: boolean): Promise<Theme> {
  if (!dark) return webLightTheme;
  try {
    return (await import(/* webpackChunkName: "dark" */ "./darkTheme.js")).webDarkTheme;
  } catch {
    return webLightTheme;
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
  void Office.onReady().then(async (info) => {
    // Opened in a browser, or in another Office program: there is no workbook to read.
    if (info?.host !== Office.HostType.Excel || typeof Excel === "undefined") {
      boot?.show("outside-excel");
      return;
    }
    boot?.started();
    const host = createOfficeHost(Excel, Office);
    // Both before the first render, side by side: no light flash in a dark Office, no Indonesian one in an English Office.
    const [theme] = await Promise.all([paneTheme(isDarkTheme(officeTheme())), startLanguage(host.displayLanguage())]);
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    const container = document.getElementById("container")!;
    createRoot(container).render(
      <FluentProvider theme={theme}>
        <App host={host} charts={LazyCharts} />
      </FluentProvider>,
    );
  });
}

start();
