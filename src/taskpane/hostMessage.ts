/**
 * A failure at the host boundary as a message for the assessor. Hosts throw HostError
 * with both languages; Apply's code that could not be fetched says so; anything else is
 * unexpected and said so plainly.
 */
import { Bilingual } from "../core/framework";
import { isChunkLoadError } from "./chunks";
import { partFailure, unexpectedFailure } from "./i18n";

/**
 * Recognised by shape, not by class: in the workbench the fake host lives in another
 * bundle, so its HostError is not this bundle's class.
 */
function isHostError(e: unknown): e is { text: Bilingual } {
  const text = typeof e === "object" && e !== null ? (e as { text?: Partial<Bilingual> }).text : undefined;
  return typeof text?.id === "string" && typeof text.en === "string";
}

export function hostMessage(e: unknown): Bilingual {
  if (isHostError(e)) return { id: e.text.id, en: e.text.en };
  // The only code fetched on the way to the workbook is Apply's check and write.
  if (isChunkLoadError(e)) return partFailure("apply");
  const detail = e instanceof Error ? e.message : String(e);
  return unexpectedFailure(detail);
}
