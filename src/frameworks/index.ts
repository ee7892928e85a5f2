/** The frameworks the product knows. A new regulation is a new JSON file listed here. */
import { compileFramework, Framework, FrameworkData } from "../core/framework";
import spbe2020 from "./spbe-2020.json";
import pemdi2026 from "./pemdi-2026.json";

export const FRAMEWORKS: readonly Framework[] = [
  compileFramework(pemdi2026 as unknown as FrameworkData),
  compileFramework(spbe2020 as unknown as FrameworkData),
];

export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}

export const FRAMEWORK_IDS = FRAMEWORKS.map((f) => f.id);
