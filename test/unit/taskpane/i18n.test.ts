import { languageFromOffice, strings } from "../../../src/taskpane/i18n";
import { isDarkTheme, luminance } from "../../../src/taskpane/theme";
import "./english";

describe("language", () => {
  test.each([
    ["id-ID", "id"],
    ["id", "id"],
    ["in-ID", "id"],
    ["en-US", "en"],
    ["nl-NL", "en"],
    ["", "en"],
  ])("Office in %s → pane in %s", (office, pane) => expect(languageFromOffice(office)).toBe(pane));

  test("every text exists in both languages, and is not left untranslated", () => {
    const id = strings("id") as Record<string, unknown>;
    const en = strings("en") as Record<string, unknown>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const same = ["appTitle", "domain", "languageId", "languageEn", "settingsTitle", "chartBar"];
    for (const key of Object.keys(id)) {
      const a = id[key];
      const b = en[key];
      const text = (x: unknown) =>
        typeof x === "function"
          ? String((x as (...a: unknown[]) => string)("1", "2", "3"))
          : typeof x === "object"
            ? JSON.stringify(x)
            : String(x);
      expect(text(a).trim()).not.toBe("");
      expect(text(b).trim()).not.toBe("");
      if (!same.includes(key)) expect({ key, text: text(a) }).not.toEqual({ key, text: text(b) });
    }
  });
});

describe("theme", () => {
  test.each([
    ["#FFFFFF", false],
    ["#E6E6E6", false],
    ["#262626", true],
    ["#000000", true],
    ["444444", true],
    [undefined, false],
    ["rgb(0,0,0)", false],
  ])("body background %s → dark %p", (color, dark) =>
    expect(isDarkTheme(color === undefined ? undefined : { bodyBackgroundColor: color })).toBe(dark),
  );

  test("luminance runs from black to white", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
  });
});
