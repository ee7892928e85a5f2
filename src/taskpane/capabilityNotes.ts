/**
 * What an older Excel cannot do, in the pane's language. The sentences are the Office
 * host's own (src/excel/capabilities.ts), the same ones it gives after an apply.
 */
import { skippedParts } from "../excel/capabilities";
import { HostCapabilities } from "../excel/workbookHost";
import { Language, pick } from "./i18n";

export function unavailableFeatures(capabilities: HostCapabilities, lang: Language): string[] {
  return skippedParts(capabilities).map((p) => pick(p.message, lang));
}
