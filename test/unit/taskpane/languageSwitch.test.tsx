/** @jest-environment jsdom */
/**
 * An Indonesian pane and English as a chunk: not fetched before the first result; the
 * language button fetches it, busy meanwhile, then switches; a failed fetch keeps the pane
 * in Indonesian with a message in both languages and a retry that works.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { hasEnglish } from "../../../src/taskpane/i18n";
import { englishArrives, englishFails, englishFetches } from "./englishFetch";
import { spbeGrid } from "./grids";
import { MemoryHost } from "./memoryHost";
import { setUpJsdomFluent } from "./jsdomFluent";

jest.mock("../../../src/taskpane/chunks", () => {
  const actual = jest.requireActual("../../../src/taskpane/chunks");
  const { fetchEnglish } = jest.requireActual("./englishFetch");
  return { ...actual, englishWords: actual.loader(fetchEnglish) };
});

setUpJsdomFluent();

test("the language button fetches English, busy meanwhile; a failed fetch keeps Indonesian with a message and a retry that works", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={new MemoryHost(spbeGrid())} />
    </FluentProvider>,
  );
  // Not before the first result: an Indonesian pane does not wait for English.
  expect(englishFetches()).toBe(0);
  expect(await screen.findByText("3,19")).toBeInTheDocument();
  expect(hasEnglish()).toBe(false);
  // Then while idle, so the button rarely waits; here the fetch is held until the test lets it arrive.
  await waitFor(() => expect(englishFetches()).toBe(1));
  const button = screen.getByRole("button", { name: "Switch to English" });
  await userEvent.click(button);
  // The click waits for the same fetch: the button busy, the pane still Indonesian.
  expect(englishFetches()).toBe(1);
  expect(button).toHaveAttribute("aria-busy", "true");
  expect(within(button).getByRole("progressbar", { name: "Memuat bahasa Inggris…" })).toBeInTheDocument();
  await userEvent.click(button);
  expect(englishFetches()).toBe(1);
  expect(screen.getByRole("button", { name: "Terapkan ke buku kerja" })).toBeInTheDocument();

  await act(async () => englishFails());
  const message = await screen.findByText(
    /^Bahasa Inggris tidak terunduh dari server add-in .*; panel tetap berbahasa Indonesia\./,
  );
  const bar = message.closest(".fui-MessageBar") as HTMLElement;
  expect(
    within(bar).getByText(/^English did not arrive from the add-in.s server .*; the pane stays in Indonesian\./),
  ).toHaveAttribute("lang", "en");
  expect(button).not.toHaveAttribute("aria-busy");
  expect(screen.getByRole("button", { name: "Terapkan ke buku kerja" })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe("id");
  expect(screen.queryByText(/undefined/)).not.toBeInTheDocument();

  await userEvent.click(within(bar).getByRole("button", { name: "Coba lagi / Try again" }));
  expect(englishFetches()).toBe(2);
  await act(async () => englishArrives());
  expect(await screen.findByRole("button", { name: "Apply to workbook" })).toBeInTheDocument();
  expect(screen.getByText("3.19")).toBeInTheDocument();
  expect(screen.queryByText(/did not arrive/)).not.toBeInTheDocument();
  expect(document.documentElement.lang).toBe("en");

  // Here now: back and forth without another fetch.
  await userEvent.click(screen.getByRole("button", { name: "Ganti ke Bahasa Indonesia" }));
  await userEvent.click(screen.getByRole("button", { name: "Switch to English" }));
  expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeInTheDocument();
  expect(englishFetches()).toBe(2);
});
