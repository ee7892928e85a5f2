/**
 * What Excel does when a person types into a cell with a data validation rule: a value
 * outside the rule is refused with the rule's stop alert. The fake models the rule;
 * refusing the typing is the workbench's part, as it is Excel's user interface.
 */
import type { FakeValidation } from "../fake-excel";

export function refusal(
  validation: FakeValidation | undefined,
  input: string,
): { title: string; message: string } | null {
  const rule = validation?.rule;
  const alert = validation?.errorAlert;
  if (!rule || !alert?.showAlert || alert.style !== "Stop") return null;
  const text = input.trim();
  if (text === "" && validation.ignoreBlanks) return null;
  // A formula is checked by Excel on its result; the workbench lets formulas through.
  if (text.startsWith("=")) return null;
  const n = Number(text.replace(",", "."));
  const min = Number(rule.formula1);
  const max = Number(rule.formula2 ?? rule.formula1);
  const ok =
    text !== "" && Number.isFinite(n) && (rule.type !== "wholeNumber" || Number.isInteger(n)) && n >= min && n <= max;
  return ok ? null : { title: alert.title, message: alert.message };
}
