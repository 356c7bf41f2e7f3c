/**
 * The corpus itself must be right before it can judge the engine: every recorded total equals its parts as
 * the sheet shows them (exactly, or within the rounding of figures shown in 백만원), every rate is the half-up
 * figure of its inputs, every 증감 is exact, every range holds its header; a faulty variant differs from its
 * clean workbook only where the fault was planted; the same seed gives the same corpus.
 * Figures are read back with a parser of its own, so a bug in the engine's parser cannot hide one here.
 */
import type { Cell, SheetGrid } from '../../src/engine';
import { fromA1, rangeFromA1 } from '../../src/engine/grid/a1';
import { roundHalfUp } from '../../src/engine/numbers';
import { generateCorpus, FAULT_KINDS } from './generate';

const corpus = generateCorpus(7, { tables: 120, faultsPerTable: 2 });

function cellAt(sheets: SheetGrid[], sheet: string, a1: string): Cell | null {
  const p = fromA1(a1);
  const g = sheets.find((s) => s.name === sheet);
  if (!p || !g) throw new Error(`no ${sheet}!${a1}`);
  return g.cells[p.row]?.[p.col] ?? null;
}

/** The figure a cell shows: 19,000 / "19,000" / "△1,200" / "(1,200)" / "-" / blank / "4회". */
function figure(cell: Cell | null): number {
  if (!cell || cell.v === null) return 0;
  if (typeof cell.v === 'number') return cell.fmt?.includes('%') ? Number((cell.v * 100).toFixed(6)) : cell.v;
  const text = String(cell.v).trim();
  if (text === '-') return 0;
  const m = /^(△|-|\()?([\d,]+(?:\.\d+)?)\)?(회|건)?$/.exec(text);
  if (!m) throw new Error(`not a figure: ${JSON.stringify(text)}`);
  const value = Number(m[2].replace(/,/g, ''));
  return m[1] ? -value : value;
}

describe('the generated corpus', () => {
  const tables = corpus.workbooks.flatMap((wb) => wb.tables.map((t) => ({ wb, t })));

  test('has every table kind and every fault kind', () => {
    expect(new Set(tables.map((x) => x.t.kind)).size).toBe(11);
    expect(new Set(corpus.faults.map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
  });

  test('totals equal their parts as shown (within the rounding of 백만원 figures, never more)', () => {
    for (const { wb, t } of tables) {
      for (const s of t.sums) {
        const total = figure(cellAt(wb.sheets, t.sheet, s.total));
        const parts = s.parts.reduce((acc, p) => acc + figure(cellAt(wb.sheets, t.sheet, p)), 0);
        const slack = t.rounded ? 0.5 * (s.parts.length + 1) : 0;
        expect({ table: t.id, total: s.total, gap: Math.abs(total - parts) <= slack }).toEqual({ table: t.id, total: s.total, gap: true });
      }
    }
  });

  test('differences are exact and rates are ROUND(numerator / denominator × 100, 1) up to the shown figures', () => {
    for (const { wb, t } of tables) {
      for (const d of t.diffs) {
        const later = figure(cellAt(wb.sheets, t.sheet, d.later));
        const earlier = figure(cellAt(wb.sheets, t.sheet, d.earlier));
        expect({ at: `${t.id} ${d.target}`, v: figure(cellAt(wb.sheets, t.sheet, d.target)) }).toEqual({ at: `${t.id} ${d.target}`, v: later - earlier });
      }
      for (const r of t.rates) {
        const num = figure(cellAt(wb.sheets, t.sheet, r.numerator));
        const den = figure(cellAt(wb.sheets, t.sheet, r.denominator));
        const stated = figure(cellAt(wb.sheets, t.sheet, r.target));
        if (!t.rounded) {
          expect({ at: `${t.id} ${r.target}`, v: stated }).toEqual({ at: `${t.id} ${r.target}`, v: roundHalfUp((num / den) * 100, 1) });
        } else {
          // Rates come from the exact 천원 amounts: within the band the shown 백만원 figures allow.
          const lo = ((Math.abs(num) - 0.5) / (den + 0.5)) * 100 - 0.05;
          const hi = ((Math.abs(num) + 0.5) / (den - 0.5)) * 100 + 0.05;
          expect({ at: `${t.id} ${r.target}`, inBand: Math.abs(stated) >= lo && Math.abs(stated) <= hi }).toEqual({ at: `${t.id} ${r.target}`, inBand: true });
        }
      }
      if (t.caption) {
        const text = String(cellAt(wb.sheets, t.sheet, t.caption.cell)?.v);
        expect(text.replace(/\D/g, '').endsWith(String(t.caption.amount))).toBe(true);
        expect(figure(cellAt(wb.sheets, t.sheet, t.caption.target))).toBe(t.caption.amount);
      }
    }
  });

  test('each range starts with a header cell and holds a figure in its last row', () => {
    for (const { wb, t } of tables) {
      const r = rangeFromA1(t.range);
      if (!r) throw new Error(`bad range ${t.range}`);
      const g = wb.sheets.find((s) => s.name === t.sheet) as SheetGrid;
      expect(typeof g.cells[r.r0]?.[r.c0]?.v).toBe('string');
      const last = g.cells[r.r1] ?? [];
      expect(last.slice(r.c0 + t.labelCols, r.c1 + 1).some((c) => c && c.v !== null)).toBe(true);
    }
  });

  test('a faulty variant differs from its clean workbook only on its sheet, at the planted cells, which count as found', () => {
    for (const f of corpus.faults) {
      const wb = corpus.workbooks.find((w) => w.id === f.workbook);
      if (!wb) throw new Error(`no workbook ${f.workbook}`);
      const changed: string[] = [];
      wb.sheets.forEach((clean, k) => {
        const faulty = f.sheets[k];
        const rows = Math.max(clean.cells.length, faulty.cells.length);
        for (let r = 0; r < rows; r++) {
          const cols = Math.max(clean.cells[r]?.length ?? 0, faulty.cells[r]?.length ?? 0);
          for (let c = 0; c < cols; c++) {
            if (JSON.stringify(clean.cells[r]?.[c] ?? null) !== JSON.stringify(faulty.cells[r]?.[c] ?? null)) changed.push(`${clean.name}!${r},${c}`);
          }
        }
      });
      expect({ fault: f.id, changed: changed.length > 0, onItsSheet: changed.every((x) => x.startsWith(`${f.sheet}!`)) }).toEqual({ fault: f.id, changed: true, onItsSheet: true });
      expect(f.acceptable).toContain(f.cell);
    }
  });

  test('a typo writes a slip of the figure in the cell, never an emptied cell', () => {
    const typos = corpus.faults.filter((f) => f.kind === 'typo');
    expect(typos.length).toBeGreaterThan(0);
    for (const f of typos) {
      const cell = cellAt(f.sheets, f.sheet, f.cell);
      expect({ fault: f.description, written: cell !== null && cell.v !== null && String(cell.v).trim() !== '' }).toEqual({ fault: f.description, written: true });
    }
  });

  test('the same seed gives the same corpus', () => {
    const again = generateCorpus(7, { tables: 120, faultsPerTable: 2 });
    expect(JSON.stringify(again.workbooks.map((w) => w.sheets))).toBe(JSON.stringify(corpus.workbooks.map((w) => w.sheets)));
    expect(again.faults.map((f) => f.description)).toEqual(corpus.faults.map((f) => f.description));
  });
});
