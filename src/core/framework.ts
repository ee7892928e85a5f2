/**
 * A maturity framework is data: indicators with weights, grouped into aspects, and
 * (in some regulations) aspects grouped into domains. This module turns a framework's
 * JSON into the shape the core computes with, and checks that its weights add up.
 */
import { Rational, fromNumber, add, ZERO, equals, compare } from "./rational";

export interface Bilingual {
  id: string;
  en: string;
}

export interface ExternalSourceData {
  source: string;
  agency: string;
  /** value = offset + source / divisor, where the conversion is known */
  conversion?: { from: string; scale: string; offset: number; divisor: number; formula: string };
}

export interface IndicatorData {
  id: number;
  code: string;
  name: string;
  en: string;
  weight: number;
  altNames?: string[];
  altCodes?: string[];
  external?: ExternalSourceData;
}

export interface AspectData {
  id: number;
  name: string;
  en: string;
  weight: number;
  indicators: IndicatorData[];
}

export interface DomainData {
  id: number;
  name: string;
  en: string;
  weight: number;
  aspectIds: number[];
}

export interface PredicateData {
  name: string;
  alias?: string;
  en: string;
  /** lower bound, inclusive, compared with the 2-decimal displayed index */
  min: number;
}

export interface LevelNameData {
  level: number;
  name?: string;
  process?: string;
  service?: string;
  alias?: string;
  en: string;
}

export interface FrameworkData {
  id: string;
  title: string;
  titleEn: string;
  shortName: string;
  regulation: string;
  status: string | null;
  statusNote?: Bilingual;
  sources: string[];
  levels: { min: number; max: number; integerOnly: boolean; names: LevelNameData[] };
  lowScoreBelow: number;
  predicates: PredicateData[];
  domains: DomainData[];
  aspects: AspectData[];
}

export interface Indicator {
  id: number;
  code: string;
  name: string;
  en: string;
  weight: Rational;
  weightNumber: number;
  aspectId: number;
  domainId: number | null;
  altNames: string[];
  altCodes: string[];
  external?: ExternalSourceData;
}

/** A weighted group of indicators: an aspect, a domain, or the whole index. */
export interface Group {
  kind: "aspect" | "domain";
  id: number;
  name: string;
  en: string;
  weight: Rational;
  indicatorIds: number[];
}

export interface Predicate {
  name: string;
  alias?: string;
  en: string;
  min: Rational;
  minUnits: bigint; // hundredths
}

export interface Framework {
  data: FrameworkData;
  id: string;
  title: string;
  indicators: Indicator[]; // in framework order
  byId: Map<number, Indicator>;
  aspects: Group[];
  domains: Group[]; // empty when the regulation has no domains
  totalWeight: Rational;
  levelMin: Rational;
  levelMax: Rational;
  integerOnly: boolean;
  lowScoreBelow: number;
  predicates: Predicate[]; // highest band first
  decimals: number;
}

function exact(n: number, what: string): Rational {
  const r = fromNumber(n);
  if (!r) throw new Error(`framework: ${what} is not a finite number`);
  return r;
}

export function compileFramework(data: FrameworkData): Framework {
  const indicators: Indicator[] = [];
  const aspectDomain = new Map<number, number>();
  for (const d of data.domains) for (const a of d.aspectIds) aspectDomain.set(a, d.id);

  const aspects: Group[] = data.aspects.map((a) => {
    let sum = ZERO;
    for (const i of a.indicators) {
      const w = exact(i.weight, `weight of indicator ${i.id}`);
      sum = add(sum, w);
      indicators.push({
        id: i.id,
        code: i.code,
        name: i.name,
        en: i.en,
        weight: w,
        weightNumber: i.weight,
        aspectId: a.id,
        domainId: aspectDomain.get(a.id) ?? null,
        altNames: i.altNames ?? [],
        altCodes: i.altCodes ?? [],
        external: i.external,
      });
    }
    const declared = exact(a.weight, `weight of aspect ${a.id}`);
    if (!equals(sum, declared)) {
      throw new Error(`framework ${data.id}: aspect ${a.id} weight ${a.weight} is not the sum of its indicators`);
    }
    return {
      kind: "aspect",
      id: a.id,
      name: a.name,
      en: a.en,
      weight: declared,
      indicatorIds: a.indicators.map((i) => i.id),
    };
  });

  const domains: Group[] = data.domains.map((d) => {
    const ids = d.aspectIds.flatMap((aid) => {
      const a = aspects.find((x) => x.id === aid);
      if (!a) throw new Error(`framework ${data.id}: domain ${d.id} names unknown aspect ${aid}`);
      return a.indicatorIds;
    });
    const declared = exact(d.weight, `weight of domain ${d.id}`);
    const sum = ids.reduce((s, id) => add(s, indicators.find((i) => i.id === id)!.weight), ZERO);
    if (!equals(sum, declared)) {
      throw new Error(`framework ${data.id}: domain ${d.id} weight ${d.weight} is not the sum of its indicators`);
    }
    return { kind: "domain", id: d.id, name: d.name, en: d.en, weight: declared, indicatorIds: ids };
  });

  const totalWeight = indicators.reduce((s, i) => add(s, i.weight), ZERO);
  const predicates = data.predicates
    .map((p) => {
      const min = exact(p.min, `predicate ${p.name}`);
      return { name: p.name, alias: p.alias, en: p.en, min, minUnits: BigInt(Math.round(p.min * 100)) };
    })
    .sort((a, b) => compare(b.min, a.min));

  const byId = new Map(indicators.map((i) => [i.id, i]));
  if (byId.size !== indicators.length) throw new Error(`framework ${data.id}: indicator ids repeat`);

  return {
    data,
    id: data.id,
    title: data.title,
    indicators,
    byId,
    aspects,
    domains,
    totalWeight,
    levelMin: exact(data.levels.min, "level min"),
    levelMax: exact(data.levels.max, "level max"),
    integerOnly: data.levels.integerOnly,
    lowScoreBelow: data.lowScoreBelow,
    predicates,
    decimals: 2,
  };
}

/** The predicate for a displayed index given in hundredths (319n for 3.19). */
export function predicateFor(framework: Framework, indexUnits: bigint): Predicate {
  for (const p of framework.predicates) if (indexUnits >= p.minUnits) return p;
  return framework.predicates[framework.predicates.length - 1];
}

/** "Kurang (Merintis)" where the regulation gives an alias, else "Kurang". */
export function predicateLabel(p: Predicate): string {
  return p.alias ? `${p.name} (${p.alias})` : p.name;
}
