/**
 * Entry point of the task pane: wait for Office, create the host over Office.js, and
 * render the pane in the Office theme.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { lazy } from "react";
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../excel/officeHost";
import { App } from "./App";
import { isDarkTheme } from "./theme";

/** The charts and their library are a separate chunk, fetched the first time the assessor opens them. */
const ToolCharts = lazy(() => import(/* webpackChunkName: "charts" */ "./components/ToolCharts.js").then((m) => ({ default: m.ToolCharts })));

/** Office's theme where this Excel reports one; some hosts have no such property. */
function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme;
  } catch {
    return undefined;
  }
}

// The promise form: Office.js and the workbench's fake both resolve it once the host is ready.
void Office.onReady().then(() => {
  const host = createOfficeHost(Excel, Office);
  const dark = isDarkTheme(officeTheme());
  document.body.style.backgroundColor = dark ? webDarkTheme.colorNeutralBackground1 : webLightTheme.colorNeutralBackground1;
  const container = document.getElementById("container")!;
  createRoot(container).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <App host={host} charts={ToolCharts} />
    </FluentProvider>,
  );
});
