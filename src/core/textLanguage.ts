/**
 * The language of the command line's text: one per run, Indonesian or English, never
 * every line twice. The JSON output keeps both (messageId, messageEn).
 */
import { Bilingual } from "./framework";

export type TextLanguage = "id" | "en";

/** The message in the run's language. */
export function inLanguage(m: Bilingual, lang: TextLanguage): string {
  return lang === "id" ? m.id : m.en;
}

/** Words written in place: `say(lang, "Kolom", "Column")`. */
export function say(lang: TextLanguage, id: string, en: string): string {
  return lang === "id" ? id : en;
}

/**
 * A decimal written for people in the run's language: "3,19" in Indonesian, "3.19" in
 * English. Takes the exact decimal text the core made, so nothing is rounded again.
 */
export function decimalIn(text: string | number, lang: TextLanguage): string {
  const s = String(text);
  return lang === "id" ? s.replace(".", ",") : s;
}

/** Indonesian when the environment's LANG is ("id_ID.UTF-8", "in_ID"), English otherwise. */
export function languageFromEnv(lang: string | undefined): TextLanguage {
  const l = (lang ?? "").toLowerCase();
  return l.startsWith("id") || l.startsWith("in_") || l.startsWith("in-") ? "id" : "en";
}
