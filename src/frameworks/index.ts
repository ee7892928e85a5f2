/** The frameworks the product knows. A new regulation is a new JSON file listed here. */
import { compileFramework, Framework, FrameworkData } from "../core/framework";
import spbe2020 from "./spbe-2020.json";
import pemdi2026 from "./pemdi-2026.json";
import spbe2018 from "./spbe-2018-names.json";
import { OtherModel } from "../core/otherModels";

export const FRAMEWORKS: readonly Framework[] = [
  compileFramework(pemdi2026 as unknown as FrameworkData),
  compileFramework(spbe2020 as unknown as FrameworkData),
];

export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}

export const FRAMEWORK_IDS = FRAMEWORKS.map((f) => f.id);

/** Models the tool recognises so as to say it does not score them. */
export const OTHER_MODELS: readonly OtherModel[] = [
  {
    id: spbe2018.id,
    shortName: spbe2018.shortName,
    regulation: spbe2018.regulation,
    indicatorCount: spbe2018.indicators.length,
    names: spbe2018.indicators.map((i) => i.name),
  },
];
