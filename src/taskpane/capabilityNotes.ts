/** What an older Excel cannot do, said plainly, from the host's requirement-set checks. */
import { HostCapabilities } from "../excel/workbookHost";
import { Strings } from "./i18n";

export function unavailableFeatures(capabilities: HostCapabilities, s: Strings): string[] {
  const out: string[] = [];
  if (!capabilities.dataValidation) out.push(s.missingValidation);
  if (!capabilities.conditionalFormats) out.push(s.missingFormats);
  if (!capabilities.events) out.push(s.missingEvents);
  if (!capabilities.names) out.push(s.missingNames);
  return out;
}
