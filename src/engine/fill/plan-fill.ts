/**
 * The fill plan: from a table's relations, the cell writes that make it complete — live formulas with the value
 * each will compute cached beside it, in dependency order — and what fill will not write (typed constants that
 * disagree, compound text cells, cells whose inputs a formula cannot read).
 */
import { toA1 } from '../grid/a1';
import type { Cell, CellRef, SheetGrid } from '../grid/types';
import type { CellWrite } from '../model/cell-write';
import type { Finding } from '../model/finding';
import type { CheckResult } from '../model/result';
import type { Relation, Table } from '../model/table';
import { relationTarget } from '../model/relation-target';
import { formatCompound, formatReportNumber, parseCompound, readNumeric, roundByPolicy } from '../numbers';
import { captionFormula, diffFormula, rateFormula, sumFormula, uniqueSorted, type Operand } from './formula-text';
import { emptyPlan, fillOptionsSchema, type FillOptions, type FillOptionsInput, type FillPlan, type SkipReason } from './types';

/** What a cell will hold once fill is done, as far as formulas that read it are concerned. */
type Value =
  | { kind: 'num'; n: number; dashText?: boolean }
  /** The blank a rate with a zero denominator shows (""): SUM skips it, arithmetic cannot use it. */
  | { kind: 'blank' }
  | { kind: 'bad'; reason: SkipReason; related: string[] };

type PlainRelation = Exclude<Relation, { type: 'caption' }>;

const key = (r: { row: number; col: number }) => `${r.row},${r.col}`;
const a1 = (r: CellRef) => toA1(r.row, r.col);

/** A spreadsheet shows 15 significant digits; the figure fill caches is that figure. */
function shown(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

function cellAt(sheet: SheetGrid, r: { row: number; col: number }): Cell | null {
  return sheet.cells[r.row]?.[r.col] ?? null;
}

/**
 * The value a formula reading this (untouched) cell sees; with `textFigures` (values written as constants), a
 * figure typed as text counts as its figure.
 */
function readInput(cell: Cell | null, ref: CellRef, textFigures = false): Value {
  const n = readNumeric(cell);
  switch (n.kind) {
    case 'empty':
      return { kind: 'num', n: 0 };
    case 'number':
      if (typeof cell?.v === 'string') {
        // The report's "-" is zero; SUM skips it and N() reads it as 0. Any other text figure a formula misreads.
        if (n.parsed?.dash) return { kind: 'num', n: 0, dashText: true };
        return textFigures ? { kind: 'num', n: n.value } : { kind: 'bad', reason: 'text-input', related: [a1(ref)] };
      }
      return { kind: 'num', n: n.value };
    case 'date':
      return { kind: 'num', n: n.serial };
    case 'error':
      return { kind: 'bad', reason: 'error-input', related: [a1(ref)] };
    case 'compound':
      return { kind: 'bad', reason: 'compound-input', related: [a1(ref)] };
    default:
      return { kind: 'bad', reason: 'text-input', related: [a1(ref)] };
  }
}

/** The figure a typed constant states, or its text when it states none. */
function typedFigure(cell: Cell): number | string | null {
  const n = readNumeric(cell);
  if (n.kind === 'number') return n.value;
  if (n.kind === 'date') return n.serial;
  if (n.kind === 'error') return n.code;
  if (n.kind === 'empty') return null;
  return String(cell.v);
}

/** A figure typed as text with a unit word or a footnote mark ('4회', '61,800 ¹⁾'). */
function keepsTextFigure(cell: Cell): boolean {
  const n = readNumeric(cell);
  return typeof cell.v === 'string' && n.kind === 'number' && (n.parsed?.unit !== undefined || n.parsed?.footnote !== undefined);
}

function isEmptyCell(cell: Cell | null): boolean {
  return !cell || (cell.f === undefined && !cell.error && readNumeric(cell).kind === 'empty');
}

function rateFormat(decimals: number, scale: 100 | 1): string {
  const places = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  return scale === 1 ? `${places}%` : places;
}

function inputsOf(rel: Relation): CellRef[] {
  switch (rel.type) {
    case 'sum':
      return rel.parts;
    case 'rate':
      return rel.subtract ? [rel.numerator, rel.denominator, rel.subtract] : [rel.numerator, rel.denominator];
    case 'diff':
      return [rel.later, rel.earlier];
    case 'caption':
      return [rel.cell];
  }
}

/** The computed figure and formula for a relation whose inputs all hold figures. */
function compute(rel: PlainRelation, inputs: Value[], options: FillOptions): { value: number | string; formula: string } | Value {
  const bad = inputs.find((v): v is Extract<Value, { kind: 'bad' }> => v.kind === 'bad');
  if (bad) return bad;
  const op = (ref: CellRef, v: Value): Operand => ({ ref, dashText: v.kind === 'num' && v.dashText === true });
  if (rel.type === 'sum') {
    // SUM skips text, so the report's "-" and a rate's blank add nothing; the parts are added in formula order.
    const order = uniqueSorted(rel.parts);
    const byKey = new Map(rel.parts.map((p, i) => [key(p), inputs[i]]));
    let total = 0;
    for (const p of order) {
      const v = byKey.get(key(p));
      if (v?.kind === 'num') total += v.n;
    }
    return { value: shown(total), formula: sumFormula(rel.parts) };
  }
  const blank = inputs.findIndex((v) => v.kind === 'blank');
  if (blank >= 0) return { kind: 'bad', reason: 'text-input', related: [a1(inputsOf(rel)[blank])] };
  const n = inputs.map((v) => (v.kind === 'num' ? v.n : 0));
  if (rel.type === 'diff') {
    return { value: shown(n[0] - n[1]), formula: diffFormula(op(rel.later, inputs[0]), op(rel.earlier, inputs[1])) };
  }
  const [num, den, sub] = n;
  const formula = rateFormula(
    op(rel.numerator, inputs[0]),
    op(rel.denominator, inputs[1]),
    rel.subtract ? op(rel.subtract, inputs[2]) : undefined,
    rel.scale,
    rel.decimals,
    options.rounding,
  );
  if (den === 0) return { value: '', formula };
  const numerator = rel.subtract ? num - sub : num;
  const raw = rel.scale === 100 ? (numerator / den) * 100 : numerator / den;
  const places = rel.scale === 100 ? rel.decimals : rel.decimals + 2;
  return { value: roundByPolicy(raw, places, options.rounding), formula };
}

function sameFigure(typed: number | string | null, computed: number | string): boolean {
  if (computed === '') return typed === null || typed === 0;
  return typeof typed === 'number' && shown(typed) === computed;
}

/** Plan the writes that complete one table of one sheet. */
export function planFill(sheet: SheetGrid, table: Table, options?: FillOptionsInput): FillPlan {
  const opts = fillOptionsSchema.parse(options ?? {});
  const plan = emptyPlan();
  const chosen = new Map<string, PlainRelation>();
  const captions: Extract<Relation, { type: 'caption' }>[] = [];
  const compoundRelations: Relation[] = [];

  for (const rel of table.relations) {
    const target = relationTarget(rel);
    if (rel.type === 'caption') {
      captions.push(rel);
      continue;
    }
    if (target.comp !== undefined) {
      compoundRelations.push(rel);
      continue;
    }
    // One formula per cell: the first relation proposed for it (a corner total is both a row and a column total).
    if (!chosen.has(key(target))) chosen.set(key(target), rel);
  }

  const memo = new Map<string, Value>();
  const visiting = new Set<string>();

  const valueAt = (ref: CellRef): Value => {
    if (ref.comp !== undefined) return { kind: 'bad', reason: 'compound-input', related: [a1(ref)] };
    return chosen.has(key(ref)) ? evaluate(ref) : readInput(cellAt(sheet, ref), ref, opts.values);
  };

  const skip = (target: CellRef, reason: SkipReason, related: string[]) =>
    plan.skipped.push({ sheet: sheet.name, cell: a1(target), table: table.id, reason, related });

  const conflict = (target: CellRef, expected: number | string, actual: number | string | null, related: string[], relation: string) => {
    const finding: Finding = {
      rule: 'fill.conflict',
      severity: 'warning',
      sheet: sheet.name,
      cell: a1(target),
      expected,
      actual,
      related,
      table: table.id,
      params: { relation },
    };
    plan.conflicts.push(finding);
  };

  function evaluate(target: CellRef): Value {
    const k = key(target);
    const done = memo.get(k);
    if (done) return done;
    const existing = cellAt(sheet, target);
    if (visiting.has(k)) {
      // A cycle among the relations: leave the cell as it is (recorded once, where the cycle closes).
      skip(target, 'cycle', []);
      return readInput(existing, target, opts.values);
    }
    visiting.add(k);
    const rel = chosen.get(k)!;
    const inputRefs = inputsOf(rel);
    const computed = compute(rel, inputRefs.map(valueAt), opts);
    visiting.delete(k);
    let result: Value;
    if (!('kind' in computed) && typeof computed.value === 'number' && !Number.isFinite(computed.value)) {
      skip(target, 'overflow', inputRefs.map(a1));
      result = { kind: 'bad', reason: 'overflow', related: [a1(target)] };
      memo.set(k, result);
      return result;
    }
    if ('kind' in computed) {
      const bad: Value = computed.kind === 'bad' ? computed : { kind: 'bad', reason: 'text-input', related: [] };
      skip(target, bad.kind === 'bad' ? bad.reason : 'text-input', bad.kind === 'bad' ? bad.related : []);
      // What depends on a cell fill could not work out is left alone too (a total of totals would come out short).
      result = { kind: 'bad', reason: bad.kind === 'bad' ? bad.reason : 'text-input', related: [a1(target)] };
    } else {
      result = decide(rel, target, existing, computed, inputRefs.map(a1));
    }
    memo.set(k, result);
    return result;
  }

  /** Consent: fill empty and formula cells; a typed constant only when it agrees, or when told to overwrite. */
  function decide(rel: PlainRelation, target: CellRef, existing: Cell | null, computed: { value: number | string; formula: string }, related: string[]): Value {
    const after: Value = computed.value === '' ? { kind: 'blank' } : { kind: 'num', n: computed.value as number };
    if (existing && existing.f === undefined && !isEmptyCell(existing)) {
      const kind = readNumeric(existing).kind;
      if (kind === 'compound') {
        skip(target, 'compound-input', [a1(target)]);
        return readInput(existing, target);
      }
      const label = kind === 'label' && typeof existing.v === 'string' ? labelAdvice(existing.v, computed.value) : null;
      if (label) {
        // A total written in a label ("공약(69)"): the label is never replaced; say what it should read.
        plan.compound.push({ sheet: sheet.name, cell: a1(target), table: table.id, ...label });
        return readInput(existing, target);
      }
      const typed = typedFigure(existing);
      if (!sameFigure(typed, computed.value) && !opts.overwrite) {
        conflict(target, computed.value, typed, related, rel.type);
        return readInput(existing, target, opts.values);
      }
      if (opts.values && keepsTextFigure(existing)) {
        // '4회' or '61,800 ¹⁾' already says the figure; a bare constant would lose its unit or footnote mark.
        plan.unchanged++;
        return readInput(existing, target, true);
      }
    }
    const fmt = existing?.fmt ? undefined : rel.type === 'rate' ? rateFormat(rel.decimals, rel.scale) : opts.amountFormat;
    if (existing?.f === computed.formula && existing.v === computed.value && !existing.error && fmt === undefined) {
      plan.unchanged++;
      return after;
    }
    const write: CellWrite = { sheet: sheet.name, row: target.row, col: target.col, formula: computed.formula, value: computed.value };
    if (fmt !== undefined) write.fmt = fmt;
    plan.writes.push(write);
    return after;
  }

  for (const rel of chosen.values()) evaluate(relationTarget(rel));
  for (const rel of captions) planCaption(rel);
  planCompounds();
  return plan;

  function planCaption(rel: Extract<Relation, { type: 'caption' }>) {
    const existing = cellAt(sheet, rel.caption);
    const text = typeof existing?.v === 'string' ? existing.v : null;
    const shape = text === null ? null : captionShape(text, rel.amount);
    if (!shape || text === null) {
      skip(rel.caption, 'caption-shape', [a1(rel.cell)]);
      return;
    }
    const v = valueAt(rel.cell);
    if (v.kind !== 'num' || v.dashText) {
      skip(rel.caption, v.kind === 'bad' ? v.reason : 'text-input', [a1(rel.cell)]);
      return;
    }
    const figure = formatReportNumber(shown(v.n * shape.factor), { zero: 'digits', negative: 'minus' });
    const value = `${shape.prefix}${figure}${shape.suffix}`;
    const formula = captionFormula(shape.prefix, rel.cell, shape.factor, shape.suffix);
    if (existing?.f === undefined && shown(rel.amount) !== shown(v.n) && !opts.overwrite) {
      conflict(rel.caption, shown(v.n), rel.amount, [a1(rel.cell)], 'caption');
      return;
    }
    if (existing?.f === formula && existing.v === value) {
      plan.unchanged++;
      return;
    }
    plan.writes.push({ sheet: sheet.name, row: rel.caption.row, col: rel.caption.col, formula, value });
  }

  function planCompounds() {
    const byCell = new Map<string, { ref: CellRef; values: Map<number, number> }>();
    for (const rel of compoundRelations) {
      if (rel.type === 'caption') continue;
      const target = relationTarget(rel);
      const inputs = inputsOf(rel).map((ref) => componentValue(ref));
      const computed = compute(rel, inputs, opts);
      if ('kind' in computed || typeof computed.value !== 'number') continue;
      const entry = byCell.get(key(target)) ?? { ref: target, values: new Map() };
      entry.values.set(target.comp!, computed.value);
      byCell.set(key(target), entry);
    }
    for (const { ref, values } of byCell.values()) {
      const cell = cellAt(sheet, ref);
      const text = typeof cell?.v === 'string' ? cell.v : null;
      const parts = text === null ? null : parseCompound(text);
      if (!parts || text === null) continue;
      try {
        const expected = formatCompound(
          parts.map((p, i) => ({
            value: values.get(i) ?? p.value,
            decimals: p.decimals,
            percent: p.percent,
            unit: p.unit,
            grouping: p.grouped || Math.abs(values.get(i) ?? p.value) >= 1000,
          })),
          text.includes('/') ? 'slash' : 'paren',
        );
        const agrees = [...values].every(([i, v]) => parts[i] !== undefined && shown(parts[i].value) === v);
        plan.compound.push({ sheet: sheet.name, cell: a1(ref), table: table.id, actual: text, expected, agrees });
      } catch {
        // A compound fill cannot write back in the report's shape: nothing to suggest.
      }
    }
  }

  /** One figure of a compound cell, or a plain cell's value (as fill leaves it). */
  function componentValue(ref: CellRef): Value {
    if (ref.comp === undefined) return valueAt(ref);
    const cell = cellAt(sheet, ref);
    const parts = typeof cell?.v === 'string' ? parseCompound(cell.v) : null;
    const part = parts?.[ref.comp];
    if (part) return { kind: 'num', n: part.value };
    // A plain figure or the report's "-" stands for every component ("-" beside "1(1)" is 0 and 0).
    const plain = readNumeric(cell);
    if (plain.kind === 'number' || plain.kind === 'empty') return { kind: 'num', n: plain.kind === 'number' ? plain.value : 0 };
    return { kind: 'bad', reason: 'compound-input', related: [a1(ref)] };
  }
}

/** A label holding one figure ("공약(69)") with that figure replaced by the computed one; null for other labels. */
function labelAdvice(text: string, computed: number | string): { actual: string; expected: string; agrees: boolean } | null {
  const figures = text.match(/\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/g);
  if (!figures || figures.length !== 1 || typeof computed !== 'number') return null;
  const stated = Number(figures[0].replace(/,/g, ''));
  const figure = formatReportNumber(computed, { zero: 'digits', negative: 'minus', grouping: figures[0].includes(','), decimals: (figures[0].split('.')[1] ?? '').length });
  return { actual: text, expected: text.replace(figures[0], figure), agrees: shown(stated) === computed };
}

/** Where the caption's figure sits and the factor from the table's unit to the caption's. */
export function captionShape(text: string, amount: number): { prefix: string; suffix: string; factor: number } | null {
  const colon = text.search(/[:：]/);
  if (colon < 0) return null;
  const m = /\d{1,3}(?:,\d{3})+(?!\d)|\d+/.exec(text.slice(colon + 1));
  if (!m) return null;
  const start = colon + 1 + m.index;
  const end = start + m[0].length;
  if (/^[.]\d/.test(text.slice(end))) return null; // "3.5억원": a figure with decimals is not tied to a whole-unit cell
  const stated = Number(m[0].replace(/,/g, ''));
  let factor = 1;
  if (amount !== 0 && stated !== amount) {
    factor = stated / amount;
    if (!Number.isInteger(factor) || !/^10*$/.test(String(factor))) return null;
  }
  return { prefix: text.slice(0, start), suffix: text.slice(end), factor };
}

/** Plan every table of a check result: one plan for the workbook (a cell two tables share is written once). */
export function planWorkbookFill(sheets: readonly SheetGrid[], result: Pick<CheckResult, 'tables'>, options?: FillOptionsInput): FillPlan {
  const plan = emptyPlan();
  const written = new Set<string>();
  const skippedSeen = new Set<string>();
  for (const table of result.tables) {
    const sheet = sheets.find((s) => s.name === table.sheet);
    if (!sheet) continue;
    const part = planFill(sheet, table, options);
    for (const w of part.writes) {
      const k = `${w.sheet}!${w.row},${w.col}`;
      if (written.has(k)) continue;
      written.add(k);
      plan.writes.push(w);
    }
    plan.conflicts.push(...part.conflicts);
    plan.compound.push(...part.compound);
    // A compound caption ('정원 22명(현원 22명)') is skipped once per figure: say it once.
    for (const s of part.skipped) {
      const k = `${s.sheet}!${s.cell}!${s.reason}`;
      if (skippedSeen.has(k)) continue;
      skippedSeen.add(k);
      plan.skipped.push(s);
    }
    plan.unchanged += part.unchanged;
  }
  return plan;
}

/** --values: the same writes as constants (a rate's blank becomes an empty cell). */
export function asValueWrites(writes: readonly CellWrite[]): CellWrite[] {
  return writes.map(({ formula: _formula, ...w }) => ({ ...w, value: w.value === '' ? null : w.value }));
}
