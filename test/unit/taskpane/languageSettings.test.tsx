/** @jest-environment jsdom */
/**
 * English chosen in Settings before its chunk is here: the other settings take effect at
 * once, the language when its words arrive.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { englishArrives, englishFetches } from "./englishFetch";
import { spbeGrid } from "./grids";
import { MemoryHost } from "./memoryHost";
import { setUpJsdomFluent } from "./jsdomFluent";

jest.mock("../../../src/taskpane/chunks", () => {
  const actual = jest.requireActual("../../../src/taskpane/chunks");
  const { fetchEnglish } = jest.requireActual("./englishFetch");
  return { ...actual, englishWords: actual.loader(fetchEnglish) };
});

setUpJsdomFluent();

test("English chosen in Settings: the threshold applies at once, the words in English once they are here", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={new MemoryHost(spbeGrid())} />
    </FluentProvider>,
  );
  await screen.findByText("3,19");
  await userEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
  const form = await screen.findByRole("form", { name: "Pengaturan" });
  await userEvent.type(within(form).getByRole("textbox", { name: /Ambang nilai rendah/ }), "2");
  await userEvent.selectOptions(within(form).getByRole("combobox", { name: "Bahasa" }), "en");
  await userEvent.click(within(form).getByRole("button", { name: "Gunakan pengaturan ini" }));
  expect(englishFetches()).toBe(1);
  expect(screen.getByRole("button", { name: "Switch to English" })).toHaveAttribute("aria-busy", "true");
  expect(await screen.findByRole("tab", { name: "Nilai rendah (1)" })).toBeInTheDocument();
  await act(async () => englishArrives());
  expect(await screen.findByRole("tab", { name: "Low scores (1)" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Apply to workbook" })).toBeInTheDocument();
});
