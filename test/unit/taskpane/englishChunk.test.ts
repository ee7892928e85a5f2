/**
 * English's words as a chunk of their own: the messages shown in both languages work
 * before it is here, `strings("en")` never answers with a missing word, and the start waits
 * for it only when Office runs in English.
 */
import { englishWords, startLanguage } from "../../../src/taskpane/chunks";
import { englishFailure, hasEnglish, partFailure, strings, unexpectedFailure } from "../../../src/taskpane/i18n";
import { hostMessage } from "../../../src/taskpane/hostMessage";

describe("before English is fetched", () => {
  test("the bilingual messages have their English from the first download", () => {
    expect(hasEnglish()).toBe(false);
    expect(partFailure("tools").en).toMatch(/^The assessor tools could not be loaded\. This part of the add-in/);
    expect(partFailure("tools").id).toMatch(/^Alat asesor tidak dapat dimuat\. Bagian add-in ini/);
    expect(englishFailure().en).toMatch(
      /^English did not arrive from the add-in.s server .*; the pane stays in Indonesian\./,
    );
    expect(unexpectedFailure("boom")).toEqual({
      id: "Terjadi kesalahan yang tidak terduga: boom. Coba Muat ulang.",
      en: "Something unexpected went wrong: boom. Try Refresh.",
    });
    expect(hostMessage(new Error("boom")).en).toBe("Something unexpected went wrong: boom. Try Refresh.");
    expect(hostMessage(Object.assign(new Error("Loading chunk apply failed."), { name: "ChunkLoadError" })).en).toMatch(
      /^The check before writing could not be loaded/,
    );
  });

  test("strings('en') answers in Indonesian until English is here, never with a missing word", () => {
    expect(strings("en")).toBe(strings("id"));
    expect(strings("en").apply).toBe("Terapkan ke buku kerja");
  });

  test("an Indonesian start fetches nothing", async () => {
    await startLanguage("id-ID");
    expect(hasEnglish()).toBe(false);
  });
});

describe("an English start", () => {
  test("resolves once English's words are here: the first render is in English", async () => {
    await startLanguage("en-US");
    expect(hasEnglish()).toBe(true);
    expect(strings("en").apply).toBe("Apply to workbook");
    expect(strings("en").lang).toBe("en");
    // Fetched once: the language button finds it here.
    expect(await englishWords()).toBe(strings("en"));
  });
});
