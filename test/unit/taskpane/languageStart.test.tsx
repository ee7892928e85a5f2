/** @jest-environment jsdom */
/**
 * Office in English and English's chunk could not be fetched before the first render
 * (index.tsx went on without it): the pane opens in Indonesian, says why in both languages,
 * and its retry brings English.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { englishArrives, englishFails, englishFetches } from "./englishFetch";
import { spbeGrid } from "./grids";
import { ALL_CAPABILITIES, MemoryHost } from "./memoryHost";
import { setUpJsdomFluent } from "./jsdomFluent";

jest.mock("../../../src/taskpane/chunks", () => {
  const actual = jest.requireActual("../../../src/taskpane/chunks");
  const { fetchEnglish } = jest.requireActual("./englishFetch");
  return { ...actual, englishWords: actual.loader(fetchEnglish) };
});

setUpJsdomFluent();

test("English Office without English's words: Indonesian, the reason in both languages, and a retry that brings English", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={new MemoryHost(spbeGrid(), ALL_CAPABILITIES, "en-US")} />
    </FluentProvider>,
  );
  expect(await screen.findByText("3,19")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Terapkan ke buku kerja" })).toBeInTheDocument();
  const message = screen.getByText(
    /^Bahasa Inggris tidak terunduh dari server add-in .*; panel tetap berbahasa Indonesia\./,
  );
  const bar = message.closest(".fui-MessageBar") as HTMLElement;
  expect(
    within(bar).getByText(/^English did not arrive from the add-in.s server .*; the pane stays in Indonesian\./),
  ).toHaveAttribute("lang", "en");
  // The pane does not try again by itself (it would change language under the person's eyes).
  expect(englishFetches()).toBe(0);

  const retry = within(bar).getByRole("button", { name: "Coba lagi / Try again" });
  await userEvent.click(retry);
  expect(englishFetches()).toBe(1);
  await act(async () => englishFails());
  expect(screen.getByText(/^English did not arrive/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Terapkan ke buku kerja" })).toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "Coba lagi / Try again" }));
  await act(async () => englishArrives());
  expect(await screen.findByRole("button", { name: "Apply to workbook" })).toBeInTheDocument();
  expect(screen.getByText("3.19")).toBeInTheDocument();
  expect(screen.queryByText(/did not arrive|tidak terunduh/)).not.toBeInTheDocument();
  expect(document.documentElement.lang).toBe("en");
});
