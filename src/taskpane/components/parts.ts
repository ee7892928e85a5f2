/**
 * The parts of the pane that a meeting does not need first, each in a chunk of its own
 * (named for the cache table in the README): fetched on first use, or by `preloadParts`
 * once the first result is on screen and the pane is idle.
 */
import { lazyPart } from "./lazyPart";
import { SectionRowPlaceholder } from "./SectionRowPlaceholder";

export const LazySettings = lazyPart("settings", () =>
  import(/* webpackChunkName: "settings" */ "./SettingsPanel.js").then((m) => m.SettingsPanel),
);

export const LazyPreview = lazyPart("preview", () =>
  import(/* webpackChunkName: "preview" */ "./ApplyPreview.js").then((m) => m.ApplyPreview),
);

export const LazyTools = lazyPart("tools", () =>
  import(/* webpackChunkName: "tools" */ "./AssessorTools.js").then((m) => m.AssessorTools),
);

/** In the same chunk as the tools: the tab "more" holds it, the tools' neighbour. */
export const LazyExternal = lazyPart("tools", () =>
  import(/* webpackChunkName: "tools" */ "./ExternalIndicators.js").then((m) => m.ExternalIndicators),
);

export const LazyRecord = lazyPart("record", () =>
  import(/* webpackChunkName: "record" */ "./MeetingRecord.js").then((m) => m.MeetingRecord),
);

/** The menu of the sections that do not fit a narrow pane's row; a popup, so no spinner in the row meanwhile. */
export const LazyMenu = lazyPart(
  "menu",
  () => import(/* webpackChunkName: "menu" */ "./SectionsMenu.js").then((m) => m.SectionsMenu<string>),
  { spinner: "none" },
);

/**
 * A table's row of sections: Fluent's tabs with their overflow and focus library (tabster),
 * the largest part of the first screen a meeting can do without for a moment. Fetched as
 * the first result is drawn; until it is there, an empty row of its size holds its place.
 */
export const LazySectionTabs = lazyPart(
  "tabs",
  () => import(/* webpackChunkName: "tabs" */ "./SectionTabs.js").then((m) => m.SectionTabs<string>),
  { placeholder: SectionRowPlaceholder },
);

/** The charts and their library (the largest chunk), fetched once the tools are open. */
export const LazyCharts = lazyPart("charts", () =>
  import(/* webpackChunkName: "charts" */ "./ToolCharts.js").then((m) => m.ToolCharts),
);

/** What the next click is likely to want: everything but the charts and the sections' menu (fetched once their button shows). */
export function preloadParts(): Promise<unknown> {
  return Promise.all([LazySettings, LazyPreview, LazyTools, LazyExternal, LazyRecord].map((p) => p.preload()));
}
