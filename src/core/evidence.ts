/**
 * Claims without evidence: where the table has an evidence column (bukti dukung, data
 * dukung), the indicators that claim more than the lowest level while their evidence
 * cell is empty, per assessment, counted per domain and per aspect.
 */
import type { TableAnalysis } from "./analyze";
import { Framework, Group } from "./framework";
import { a1 } from "./grid";
import { Rational, compare } from "./rational";

export interface EvidenceGap {
  indicator: number;
  code: string;
  /** A1 address of the level cell, when known */
  cell?: string;
  /** A1 address of the empty evidence cell, when known */
  evidenceCell?: string;
  level: Rational;
}

export interface GroupCount {
  kind: "aspect" | "domain";
  id: number;
  name: string;
  en: string;
  count: number;
}

export interface EvidenceGaps {
  gaps: EvidenceGap[];
  /** per domain (empty for a framework without domains) */
  domains: GroupCount[];
  aspects: GroupCount[];
}

export interface AssessmentEvidenceGaps extends EvidenceGaps {
  column: string;
}

function counts(groups: Group[], gaps: EvidenceGap[]): GroupCount[] {
  const ids = new Set(gaps.map((g) => g.indicator));
  return groups.map((g) => ({
    kind: g.kind,
    id: g.id,
    name: g.name,
    en: g.en,
    count: g.indicatorIds.filter((id) => ids.has(id)).length,
  }));
}

/**
 * values: one assessment's valid values; evidence: indicator id → the evidence text,
 * "" when empty (indicators absent from it are not judged).
 */
export function evidenceGaps(
  framework: Framework,
  values: ReadonlyMap<number, Rational>,
  evidence: ReadonlyMap<number, string>,
  cells: { level?: ReadonlyMap<number, string>; evidence?: ReadonlyMap<number, string> } = {},
): EvidenceGaps {
  const gaps: EvidenceGap[] = [];
  for (const ind of framework.indicators) {
    const v = values.get(ind.id);
    const text = evidence.get(ind.id);
    if (v === undefined || text === undefined || text.trim() !== "") continue;
    if (compare(v, framework.levelMin) <= 0) continue;
    const cell = cells.level?.get(ind.id);
    const evidenceCell = cells.evidence?.get(ind.id);
    gaps.push({
      indicator: ind.id,
      code: ind.code,
      ...(cell ? { cell } : {}),
      ...(evidenceCell ? { evidenceCell } : {}),
      level: v,
    });
  }
  return { gaps, domains: counts(framework.domains, gaps), aspects: counts(framework.aspects, gaps) };
}

/** Every level column's gaps, or undefined when the table has no evidence column. */
export function tableEvidenceGaps(table: TableAnalysis): AssessmentEvidenceGaps[] | undefined {
  const col = table.layout.evidenceCol;
  if (col === undefined) return undefined;
  const evidenceCells = new Map<number, string>();
  for (const r of table.layout.rows)
    if (!evidenceCells.has(r.indicatorId)) evidenceCells.set(r.indicatorId, a1(r.row, col));
  return table.assessments.map((a) => ({
    column: a.column.letter,
    ...evidenceGaps(table.framework, a.values, table.evidence, { level: a.cells, evidence: evidenceCells }),
  }));
}
