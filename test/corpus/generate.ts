/**
 * A seeded corpus of district-office workbooks for measuring the engine against issue 2's bars:
 * every table with its true structure (range, totals and parts, rates, differences, years, caption),
 * and faulty variants of each workbook with exactly one planted fault and the cells where finding it counts.
 */
import type { SheetGrid } from '../../src/engine';
import { toA1 } from '../../src/engine/grid/a1';
import { roundDown, roundHalfUp } from '../../src/engine/numbers';
import { BUILDERS, CORPUS_KINDS, group, vary, type CorpusKind, type Draft, type NumCell, type Pos } from './kinds';
import { placeTables, randomStyle, renderSheet, tableWidth, type Override, type PlacedTable, type SheetPlan, type TableStyle } from './layout';
import { Rng } from './prng';

export type FaultKind = 'part' | 'total' | 'year-duplicate' | 'year-skip' | 'caption-amount' | 'rate' | 'diff' | 'typo';
export const FAULT_KINDS: readonly FaultKind[] = ['part', 'total', 'year-duplicate', 'year-skip', 'caption-amount', 'rate', 'diff', 'typo'];

/** A table's true structure, in sheet A1 addresses. */
export interface TruthTable {
  id: string;
  kind: CorpusKind;
  sheet: string;
  /** Header + body. */
  range: string;
  headerRows: number;
  labelCols: number;
  sums: { total: string; parts: string[]; axis: 'row' | 'column'; evidence: 'label' | 'numbers' }[];
  rates: { target: string; numerator: string; denominator: string }[];
  diffs: { target: string; later: string; earlier: string }[];
  years: string[];
  caption?: { cell: string; target: string; amount: number };
  /** Money shown in 백만원, each figure rounded on its own: totals may miss their parts by rounding. */
  rounded: boolean;
  style: TableStyle;
  /** Where it sits on its sheet, for reports: 'stacked 2/3', 'side by side (left)'. */
  placement: string;
}

export interface CorpusWorkbook {
  id: string;
  plans: SheetPlan[];
  sheets: SheetGrid[];
  tables: TruthTable[];
}

export interface CorpusFault {
  id: string;
  workbook: string;
  table: string;
  tableKind: CorpusKind;
  kind: FaultKind;
  sheet: string;
  /** The planted cell (the first one when a year skip shifts several). */
  cell: string;
  /** A finding of severity error on one of these cells (on `sheet`) counts as finding the fault. */
  acceptable: string[];
  /** A part that feeds a labelled row total and a labelled column total: sum.cell should name it. */
  twoWayPart: boolean;
  description: string;
  /** The whole workbook with the fault in it. */
  sheets: SheetGrid[];
}

export interface Corpus {
  seed: number;
  workbooks: CorpusWorkbook[];
  faults: CorpusFault[];
}

export interface CorpusOptions {
  /** How many tables in all (spread over workbooks of 1–3 sheets with 1–4 tables each). */
  tables: number;
  /** Faulty variants planted per table (each its own workbook copy), of different kinds. */
  faultsPerTable?: number;
}

const SHEET_NAMES = ['세무1과', '세무2과', '재무과', '부동산정보과', '기획예산과', '징수과', '계약팀', '회계과', '의회법제팀', '예산팀'];

export function generateCorpus(seed: number, options: CorpusOptions): Corpus {
  const rng = new Rng(seed);
  const workbooks: CorpusWorkbook[] = [];
  const faults: CorpusFault[] = [];
  let made = 0;
  let kindTurn = rng.int(0, CORPUS_KINDS.length - 1);
  const used = new Map<FaultKind, number>();
  while (made < options.tables) {
    const wbId = `wb${workbooks.length + 1}`;
    const nSheets = rng.int(1, 3);
    const names = rng.sample(SHEET_NAMES, nSheets);
    const plans: SheetPlan[] = [];
    for (const name of names) {
      if (made >= options.tables) break;
      const count = Math.min(rng.int(1, 4), options.tables - made);
      const drafts: Draft[] = [];
      for (let k = 0; k < count; k++) {
        // Kinds in turn, so every kind gets its share whatever the size.
        const kind = CORPUS_KINDS[kindTurn++ % CORPUS_KINDS.length];
        const own = rng.fork();
        drafts.push(vary(own, BUILDERS[kind](own)));
      }
      const styles = drafts.map(() => randomStyle(rng));
      plans.push(placeTables(rng, name, drafts, styles));
      made += count;
    }
    const sheets = plans.map((p) => renderSheet(p));
    const tables: TruthTable[] = [];
    plans.forEach((plan) => plan.tables.forEach((t, ti) => tables.push(truthOf(plan, t, ti, `${wbId}/${plan.name}/T${ti + 1}`))));
    const wb: CorpusWorkbook = { id: wbId, plans, sheets, tables };
    workbooks.push(wb);
    for (const [si, plan] of plans.entries()) {
      for (const [ti, t] of plan.tables.entries()) {
        const truth = tables.find((x) => x.id === `${wbId}/${plan.name}/T${ti + 1}`) as TruthTable;
        const candidates = plantable(t, truth);
        const chosen = chooseFaultKinds(rng, candidates, used, options.faultsPerTable ?? 2);
        for (const kind of chosen) {
          used.set(kind, (used.get(kind) ?? 0) + 1);
          const planted = candidates.get(kind)?.(rng);
          if (!planted) continue;
          const faultSheets = sheets.map((s, k) => (k === si ? renderSheet(plan, planted.overrides.map((o) => ({ ...o, table: ti }))) : s));
          faults.push({
            id: `${truth.id}#${faults.length + 1}`,
            workbook: wbId,
            table: truth.id,
            tableKind: t.draft.kind,
            kind,
            sheet: plan.name,
            cell: planted.cell,
            acceptable: Array.from(new Set(planted.acceptable)),
            twoWayPart: planted.twoWayPart ?? false,
            description: planted.description,
            sheets: faultSheets,
          });
        }
      }
    }
  }
  return { seed, workbooks, faults };
}

/**
 * A changed part first (the commonest real mistake, and what sum.cell is measured on), then the kinds
 * planted least so far, so rarer kinds (captions, differences) get their share of the corpus.
 */
function chooseFaultKinds(rng: Rng, candidates: Map<FaultKind, Planter>, used: Map<FaultKind, number>, want: number): FaultKind[] {
  const admissible = FAULT_KINDS.filter((k) => candidates.has(k));
  const chosen: FaultKind[] = admissible.includes('part') && want > 0 ? ['part'] : [];
  const rest = admissible
    .filter((k) => !chosen.includes(k))
    .map((k) => ({ k, n: used.get(k) ?? 0, tie: rng.next() }))
    .sort((a, b) => a.n - b.n || a.tie - b.tie);
  for (const { k } of rest) if (chosen.length < want) chosen.push(k);
  return chosen;
}

function abs(t: PlacedTable, p: Pos): string {
  return toA1(t.top + p[0], t.left + p[1]);
}

function truthOf(plan: SheetPlan, t: PlacedTable, index: number, id: string): TruthTable {
  const d = t.draft;
  const side = t.arrangement === 'stacked' ? '' : `, side by side (${t.arrangement})`;
  const placement = (plan.tables.length === 1 ? 'alone' : `${index + 1} of ${plan.tables.length}`) + side;
  return {
    id,
    kind: d.kind,
    sheet: plan.name,
    range: `${toA1(t.top, t.left)}:${toA1(t.top + d.rows.length - 1, t.left + tableWidth(d) - 1)}`,
    headerRows: d.headerRows,
    labelCols: d.labelCols,
    sums: d.sums.map((s) => ({ total: abs(t, s.total), parts: s.parts.map((p) => abs(t, p)), axis: s.axis, evidence: s.evidence })),
    rates: d.rates.map((r) => ({ target: abs(t, r.target), numerator: abs(t, r.numerator), denominator: abs(t, r.denominator) })),
    diffs: d.diffs.map((x) => ({ target: abs(t, x.target), later: abs(t, x.later), earlier: abs(t, x.earlier) })),
    years: d.years.map((p) => abs(t, p)),
    caption: d.caption
      ? { cell: toA1(t.captionAt[d.caption.line].row, t.captionAt[d.caption.line].col), target: abs(t, d.caption.target), amount: d.caption.amount }
      : undefined,
    rounded: d.rounded ?? false,
    style: t.style,
    placement,
  };
}

interface Planted {
  overrides: Omit<Override, 'table'>[];
  cell: string;
  acceptable: string[];
  twoWayPart?: boolean;
  description: string;
}

type Planter = (rng: Rng) => Planted | null;

const key = (p: Pos) => `${p[0]},${p[1]}`;

function numAt(d: Draft, p: Pos): NumCell | null {
  const x = d.rows[p[0]]?.[p[1]];
  return typeof x === 'object' && x !== null ? x : null;
}

/** A different, clearly wrong figure: one digit changed by 1–5 (never to a negative, never within rounding). */
function changedFigure(rng: Rng, n: number, minStep: number): number {
  const digits = Math.max(1, String(Math.abs(n)).length);
  for (let tries = 0; tries < 20; tries++) {
    const k = rng.int(0, digits - 1);
    const step = rng.int(1, 5) * 10 ** k;
    if (step < minStep) continue;
    const next = rng.chance(0.5) ? n + step : n - step;
    if (next >= 0 && next !== n) return next;
  }
  return n + Math.max(minStep, 10 ** (digits - 1));
}

/** "12,500" → "12,5OO"-style slips: a zero typed as O, a one as l, or a stray space. */
function typoOf(rng: Rng, text: string): string | null {
  const zeros = [...text].flatMap((ch, i) => (ch === '0' && i > 0 ? [i] : []));
  if (zeros.length > 0) {
    const i = rng.pick(zeros);
    const both = rng.chance(0.4) && text[i + 1] === '0';
    return text.slice(0, i) + (both ? 'OO' : 'O') + text.slice(i + (both ? 2 : 1));
  }
  const ones = [...text].flatMap((ch, i) => (ch === '1' ? [i] : []));
  if (ones.length > 0) {
    const i = rng.pick(ones);
    return text.slice(0, i) + 'l' + text.slice(i + 1);
  }
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return text.replace(',', '.');
  return null;
}

/** The fault kinds a table admits, each with a function that plants one. */
function plantable(t: PlacedTable, truth: TruthTable): Map<FaultKind, Planter> {
  const d = t.draft;
  const out = new Map<FaultKind, Planter>();
  // Totals each cell feeds (transitively, staying in the cell's own row or column), and captions stating it.
  const feeds = new Map<string, Pos[]>();
  for (const s of d.sums) for (const p of s.parts) feeds.set(key(p), [...(feeds.get(key(p)) ?? []), s.total]);
  const accepted = (p: Pos): string[] => {
    const seen = new Set<string>([key(p)]);
    const queue: Pos[] = [p];
    const cells = [abs(t, p)];
    while (queue.length > 0) {
      const q = queue.shift() as Pos;
      for (const total of feeds.get(key(q)) ?? []) {
        if (seen.has(key(total)) || (total[0] !== p[0] && total[1] !== p[1])) continue;
        seen.add(key(total));
        queue.push(total);
        cells.push(abs(t, total));
      }
    }
    if (d.caption && key(d.caption.target) === key(p)) cells.push(truth.caption?.cell as string);
    return cells;
  };
  const labelled = d.sums.filter((s) => s.evidence === 'label');
  const totals = labelled.map((s) => s.total);
  const totalKeys = new Set(labelled.map((s) => key(s.total)));
  const diffTargets = new Set(d.diffs.map((x) => key(x.target)));
  const parts = unique(labelled.flatMap((s) => s.parts)).filter((p) => !totalKeys.has(key(p)) && !diffTargets.has(key(p)));
  const twoWay = (p: Pos) => {
    const axes = new Set(labelled.filter((s) => s.parts.some((q) => key(q) === key(p))).map((s) => s.axis));
    return axes.has('row') && axes.has('column');
  };
  // Money in 백만원 may miss by rounding; a planted change must be beyond any rounding tolerance.
  const minStep = (p: Pos) => (numAt(d, p)?.role === 'count' ? 1 : 10);
  const figureFault = (kind: FaultKind, pool: Pos[]): Planter | null => {
    if (pool.length === 0) return null;
    return (rng) => {
      const p = rng.pick(pool);
      const cell = numAt(d, p) as NumCell;
      const next = changedFigure(rng, cell.n, minStep(p));
      return {
        overrides: [{ at: { pos: p }, n: next }],
        cell: abs(t, p),
        acceptable: accepted(p),
        twoWayPart: kind === 'part' && twoWay(p),
        description: `${kind} ${abs(t, p)}: ${group(cell.n)} → ${group(next)}`,
      };
    };
  };
  const partPlanter = figureFault('part', parts);
  if (partPlanter) out.set('part', partPlanter);
  const totalPlanter = figureFault('total', unique(totals));
  if (totalPlanter) out.set('total', totalPlanter);

  // The figure as the typist wrote it; the slip must be possible in that form ("2436553" ungrouped has no 0, 1 or
  // comma to slip on, while "2,436,553" has).
  const writtenOf = (n: number) => (t.style.grouped || t.style.textShare === 0 ? group(n) : String(n));
  const typoPool = unique([...parts, ...totals]).filter((p) => {
    const c = numAt(d, p);
    return c && !c.suffix && Math.abs(c.n) >= 100 && typoOf(new Rng(1), writtenOf(c.n)) !== null;
  });
  if (typoPool.length > 0) {
    out.set('typo', (rng) => {
      const p = rng.pick(typoPool);
      const n = (numAt(d, p) as NumCell).n;
      const written = writtenOf(n);
      // The decimal point typed for the thousands comma ("38.643" for 38,643): Excel takes it as a number.
      if (/^\d{1,3},\d{3}$/.test(written) && rng.chance(0.25)) {
        const typed = written.replace(',', '.');
        const asText = t.style.textShare >= 1;
        return {
          overrides: [asText ? { at: { pos: p }, text: typed } : { at: { pos: p }, n: Number(typed) }],
          cell: abs(t, p),
          acceptable: accepted(p),
          description: `typo ${abs(t, p)}: ${written} → ${asText ? `"${typed}"` : `${typed} (a number)`}`,
        };
      }
      const text = typoOf(rng, written) as string;
      return {
        overrides: [{ at: { pos: p }, text }],
        cell: abs(t, p),
        acceptable: accepted(p),
        description: `typo ${abs(t, p)}: ${written} → "${text}"`,
      };
    });
  }

  if (d.rates.length > 0) {
    out.set('rate', (rng) => {
      const r = rng.pick(d.rates);
      const stated = (numAt(d, r.target) as NumCell).n;
      const num = (numAt(d, r.numerator) as NumCell).n;
      const den = (numAt(d, r.denominator) as NumCell).n;
      const exact = (num / den) * 100;
      const scale = 10 ** r.decimals;
      // Figures shown rounded (백만원) stand for ± half a unit: a rate anywhere in that band is not wrong.
      const slack = d.rounded ? 0.5 : 0;
      const low = ((Math.abs(num) - slack) / (den + slack)) * 100 * Math.sign(num || 1);
      const high = ((Math.abs(num) + slack) / Math.max(den - slack, 1e-9)) * 100 * Math.sign(num || 1);
      const [bandLo, bandHi] = [Math.min(low, high) - 1 / scale, Math.max(low, high) + 1 / scale];
      let next = stated;
      for (let tries = 0; tries < 40; tries++) {
        const step = rng.int(2, 40) / scale;
        const candidate = roundHalfUp(rng.chance(0.5) ? stated + step : stated - step, r.decimals);
        // Not what truncation or half-up would give: then it would be a rounding question, not a wrong rate.
        if (candidate === roundDown(exact, r.decimals) || candidate === roundHalfUp(exact, r.decimals)) continue;
        if (candidate >= bandLo && candidate <= bandHi) continue;
        if (stated >= 0 && stated <= 100 && (candidate < 0 || candidate > 100)) continue;
        next = candidate;
        break;
      }
      if (next === stated) return null;
      return {
        overrides: [{ at: { pos: r.target }, n: next }],
        cell: abs(t, r.target),
        acceptable: [abs(t, r.target)],
        description: `rate ${abs(t, r.target)}: ${stated.toFixed(r.decimals)} → ${next.toFixed(r.decimals)} (${group(num)} / ${group(den)} × 100 = ${exact.toFixed(3)})`,
      };
    });
  }

  if (d.diffs.length > 0) {
    out.set('diff', (rng) => {
      const x = rng.pick(d.diffs);
      const n = (numAt(d, x.target) as NumCell).n;
      // A sign slip (the decrease written as an increase) or a figure slip.
      const next = n !== 0 && rng.chance(0.4) ? -n : changedFigureSigned(rng, n, minStep(x.later));
      return {
        overrides: [{ at: { pos: x.target }, n: next }],
        cell: abs(t, x.target),
        acceptable: accepted(x.target),
        description: `diff ${abs(t, x.target)}: ${group(n)} → ${group(next)}`,
      };
    });
  }

  const years = d.years;
  const yearCells = years.map((p) => abs(t, p));
  const yearOf = (p: Pos): number => {
    const x = String(d.rows[p[0]][p[1]]);
    const short = /^'(\d\d)$/.exec(x);
    return short ? 2000 + Number(short[1]) : Number(/(19|20)\d\d/.exec(x)?.[0]);
  };
  const reyear = (p: Pos, y: number): string | number => {
    const x = d.rows[p[0]][p[1]];
    if (typeof x === 'number') return y;
    if (/^'\d\d$/.test(String(x))) return `'${String(y % 100).padStart(2, '0')}`;
    return String(x).replace(/(19|20)\d\d/, String(y));
  };
  if (years.length >= 2) {
    out.set('year-duplicate', (rng) => {
      const k = rng.int(1, years.length - 1);
      const y = yearOf(years[k - 1]);
      return {
        overrides: [{ at: { pos: years[k] }, text: reyear(years[k], y) }],
        cell: yearCells[k],
        acceptable: yearCells,
        description: `year-duplicate ${yearCells[k]}: ${yearOf(years[k])} → ${y}`,
      };
    });
  }
  if (years.length >= 3) {
    out.set('year-skip', (rng) => {
      const k = rng.int(1, years.length - 1);
      const step = Math.sign(yearOf(years[1]) - yearOf(years[0])) || 1;
      const overrides = years.slice(k).map((p) => ({ at: { pos: p }, text: reyear(p, yearOf(p) + step) }));
      return {
        overrides,
        cell: yearCells[k],
        acceptable: yearCells,
        description: `year-skip from ${yearCells[k]}: ${years.slice(k).map(yearOf).join(', ')} → ${years.slice(k).map((p) => yearOf(p) + step).join(', ')}`,
      };
    });
  }

  if (d.caption && truth.caption) {
    const c = d.caption;
    const cell = truth.caption.cell;
    out.set('caption-amount', (rng) => {
      const next = changedFigure(rng, c.amount, 100);
      const text = d.captions[c.line].replace(group(c.amount), group(next));
      return {
        overrides: [{ at: { captionLine: c.line }, text }],
        cell,
        acceptable: [cell, abs(t, c.target)],
        description: `caption-amount ${cell}: "${d.captions[c.line]}" → "${text}"`,
      };
    });
  }
  return out;
}

function changedFigureSigned(rng: Rng, n: number, minStep: number): number {
  const magnitude = Math.max(1, Math.abs(n));
  const digits = String(magnitude).length;
  const step = Math.max(minStep, rng.int(1, 5) * 10 ** rng.int(0, digits - 1));
  return rng.chance(0.5) ? n + step : n - step;
}

function unique(ps: Pos[]): Pos[] {
  const seen = new Set<string>();
  return ps.filter((p) => (seen.has(key(p)) ? false : (seen.add(key(p)), true)));
}
