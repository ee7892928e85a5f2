/** The Excel side of the add-in: the host interface and its Office.js implementation. */
export { createOfficeHost, DEBOUNCE_MS, OWN_WRITE_WINDOW_MS } from "./officeHost";
export type { OfficeHost } from "./officeHost";
export { HostError } from "./workbookHost";
export type { HostCapabilities, LevelWatch, WorkbookHost } from "./workbookHost";
export { skippedParts } from "./capabilities";
export type { OptionalPart, SkippedPart } from "./capabilities";
