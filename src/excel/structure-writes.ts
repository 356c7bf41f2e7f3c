/// <reference types="office-js" />
/**
 * What a template insert, an adopt or a report import needs from Excel besides cell writes: sheets added (the
 * registry sheet very hidden), header areas merged, `RT_<id>` defined names created or repointed, a sheet shown;
 * and a native column chart (the bureau summary's totals by year).
 *
 * Enum values are written as their strings ('VeryHidden', 'ColumnClustered'): the same to Office.js, and the
 * module then runs without the Excel global (tests).
 *
 * Round trips: `applyStructure` takes 2 `context.sync()` calls however many sheets, merges and names (1: which
 * sheets and names exist; 2: everything else). `addColumnChart` takes 2 (1: the sheet exists and is visible,
 * and any chart of the same name; 2: the chart).
 */
import type { CellRange } from '../engine/grid/types';
import { rangeToA1 } from '../engine/grid/a1';
import type { ExcelRun } from './excel-workbook';
import { ExcelAdapterError, excelProblem, toAdapterError } from './errors';

export interface StructureRequest {
  sheets: { name: string; state?: 'visible' | 'veryHidden' }[];
  merges: { sheet: string; range: CellRange }[];
  /** Workbook-scoped names and what they refer to ('Sheet'!$A$1:$F$4, without '='). */
  names: { name: string; reference: string }[];
  activate?: string;
}

export interface StructureStats {
  syncs: number;
  sheetsAdded: string[];
}

function defaultRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

/** Counts the batch's syncs, for tests and the bench. */
function counting(context: Excel.RequestContext, stats: { syncs: number }): () => Promise<void> {
  return async () => {
    stats.syncs += 1;
    await context.sync();
  };
}

export class ExcelStructureWrites {
  private readonly run: ExcelRun;
  lastStats: StructureStats = { syncs: 0, sheetsAdded: [] };

  constructor(options: { run?: ExcelRun } = {}) {
    this.run = options.run ?? defaultRun();
  }

  /** Add the sheets that are missing, merge, (re)point names, activate. Sheets that exist are left as they are. */
  async applyStructure(request: StructureRequest): Promise<StructureStats> {
    const stats: StructureStats = { syncs: 0, sheetsAdded: [] };
    this.lastStats = stats;
    try {
      await this.run(async (context) => {
        const sync = counting(context, stats);
        const sheets = request.sheets.map((s) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(s.name);
          sheet.load('name,visibility');
          return { ...s, sheet };
        });
        const names = request.names.map((n) => {
          const item = context.workbook.names.getItemOrNullObject(n.name);
          item.load('name');
          return { ...n, item };
        });
        await sync();
        for (const s of sheets) {
          if (!s.sheet.isNullObject) continue;
          const added = context.workbook.worksheets.add(s.name);
          if (s.state === 'veryHidden') added.visibility = 'VeryHidden';
          stats.sheetsAdded.push(s.name);
        }
        for (const m of request.merges) {
          if (m.range.r0 === m.range.r1 && m.range.c0 === m.range.c1) continue;
          context.workbook.worksheets.getItem(m.sheet).getRange(rangeToA1(m.range)).merge(false);
        }
        for (const n of names) {
          // Repointing by delete + add keeps to ExcelApi 1.4 (NamedItem.formula is writable only from 1.7).
          if (!n.item.isNullObject) n.item.delete();
          context.workbook.names.add(n.name, `=${n.reference}`);
        }
        if (request.activate) context.workbook.worksheets.getItem(request.activate).activate();
        await sync();
      });
    } catch (error) {
      throw toAdapterError(error);
    }
    return stats;
  }

  /** A clustered column chart of `range` on `sheet` (by default one series per column). */
  async addColumnChart(
    sheet: string,
    range: CellRange,
    options: { title?: string; name?: string; seriesBy?: 'Auto' | 'Columns' | 'Rows'; categories?: CellRange } = {},
  ): Promise<StructureStats> {
    const stats: StructureStats = { syncs: 0, sheetsAdded: [] };
    this.lastStats = stats;
    try {
      await this.run(async (context) => {
        const sync = counting(context, stats);
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('name,visibility');
        const old = options.name ? ws.charts.getItemOrNullObject(options.name) : null;
        old?.load('name');
        await sync();
        if (ws.isNullObject) throw new ExcelAdapterError(excelProblem('sheet-not-found', { sheet }));
        if (ws.visibility !== 'Visible') throw new ExcelAdapterError(excelProblem('sheet-hidden', { sheet }));
        // A refresh replaces the chart it made last time instead of stacking another on top.
        if (old && !old.isNullObject) old.delete();
        const chart = ws.charts.add('ColumnClustered', ws.getRange(rangeToA1(range)), options.seriesBy ?? 'Columns');
        if (options.name) chart.name = options.name;
        if (options.title) chart.title.text = options.title;
        // A row of totals has no labels of its own: name the points by the header's year cells (ExcelApi 1.7).
        if (options.categories) chart.axes.categoryAxis.setCategoryNames(ws.getRange(rangeToA1(options.categories)));
        // Beside the data, not over it.
        chart.setPosition(ws.getRange(rangeToA1({ r0: range.r0, c0: range.c1 + 2, r1: range.r0, c1: range.c1 + 2 })));
        await sync();
      });
    } catch (error) {
      throw toAdapterError(error, { sheet });
    }
    return stats;
  }
}
