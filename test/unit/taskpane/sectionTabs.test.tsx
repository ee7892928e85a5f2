/**
 * @jest-environment jsdom
 *
 * The row of a table's sections is a chunk of its own: the result never waits for it, and
 * when it cannot be fetched the pane says so, keeps the section it shows, and tries again.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { spbeGrid } from "./grids";
import { MemoryHost } from "./memoryHost";
import { setUpJsdomFluent } from "./jsdomFluent";

setUpJsdomFluent();

/** Whether the server still has the tabs' chunk; each fetch is counted. */
const mockChunk = { served: false, fetches: 0 };

// As webpack rejects a chunk the server no longer has (a release replaced it since the pane opened).
jest.mock("../../../src/taskpane/components/SectionTabs", () => {
  mockChunk.fetches++;
  if (!mockChunk.served)
    throw Object.assign(new Error("Loading chunk 40 failed. (error: …/40.8d1fa8f2.js)"), { name: "ChunkLoadError" });
  return jest.requireActual("../../../src/taskpane/components/SectionTabs");
});

test("without the row of sections, the index, the domains and the first section still show, the skip link opens the tools; Coba lagi brings the row", async () => {
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new MemoryHost(spbeGrid())} />
      </FluentProvider>,
    );
    expect(await screen.findByText("3,19")).toBeInTheDocument();
    const failed = await screen.findByTestId("part-failed-tabs");
    expect(within(failed).getByText("Baris bagian tidak dapat dimuat")).toBeInTheDocument();
    expect(within(failed).getByText(/tidak terunduh dari servernya/)).toBeInTheDocument();
    expect(screen.queryByRole("tab")).not.toBeInTheDocument();
    // What a meeting needs first stands without it: the domains and the aspects, the section shown first.
    expect(screen.getByRole("heading", { name: "Indeks domain" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Indeks aspek" })).toBeInTheDocument();
    expect(screen.getAllByRole("meter")).toHaveLength((4 + 8) * 2);
    // The skip link still opens the tools, tabs or not.
    await userEvent.click(screen.getByRole("link", { name: "Langsung ke alat asesor" }));
    expect(await screen.findByRole("button", { name: "Menuju target" })).toBeInTheDocument();

    const before = mockChunk.fetches;
    mockChunk.served = true;
    await userEvent.click(within(failed).getByRole("button", { name: "Coba lagi" }));
    expect(await screen.findAllByRole("tab")).toHaveLength(5);
    expect(screen.queryByTestId("part-failed-tabs")).not.toBeInTheDocument();
    expect(mockChunk.fetches).toBe(before + 1);
    expect(screen.getByRole("tab", { name: "Alat asesor" })).toHaveAttribute("aria-selected", "true");
    await userEvent.click(screen.getByRole("tab", { name: "Masalah (0)" }));
    expect(screen.getByRole("heading", { name: "Masalah (0)" })).toBeInTheDocument();
  } finally {
    quiet.mockRestore();
  }
});
