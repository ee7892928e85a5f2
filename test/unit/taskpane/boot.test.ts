/**
 * The page's start must run where the bundle cannot: its inline script and the handler
 * on Office's script tag are ES5 (as Internet Explorer 11 reads it), every message is in
 * Indonesian and English, and office.js comes from Microsoft's CDN as Office requires.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";

const html = fs.readFileSync(path.join(__dirname, "..", "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const handlers = [...html.matchAll(/\son\w+="([^"]*)"/g)].map((m) => m[1]);

describe("the pane's start in taskpane.html", () => {
  test("has one inline script, before Office's script, and it is ES5", () => {
    expect(inline).toHaveLength(1);
    expect(html.indexOf("<script>")).toBeLessThan(html.indexOf('id="office-js"'));
    expect(() => parse(inline[0], { ecmaVersion: 5 })).not.toThrow();
    for (const h of handlers) expect(() => parse(h, { ecmaVersion: 5 })).not.toThrow();
    // and an ES2020 line would be caught by the same check
    expect(() => parse("var a = b?.c;", { ecmaVersion: 5 })).toThrow();
  });

  test("loads office.js from Microsoft's CDN in the head", () => {
    const tag = /<script id="office-js"[^>]*src="([^"]+)"/.exec(html);
    expect(tag?.[1]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(html.indexOf('id="office-js"')).toBeLessThan(html.indexOf("</head>"));
  });

  test("every message is in Indonesian and in English, with as many lines in each", () => {
    const kinds = [...inline[0].matchAll(/"([a-z-]+)": \{\s*id: \[([\s\S]*?)\],\s*en: \[([\s\S]*?)\]/g)];
    expect(kinds.map((k) => k[1])).toEqual(["old-webview", "office-blocked", "outside-excel"]);
    for (const [, , id, en] of kinds) expect(id.split('",').length).toBe(en.split('",').length);
  });
});
