/**
 * The shared fake Excel (test-support/fake-excel.ts) has no merge, defined names or charts, so these tests use a
 * small recording fake of just those objects, keeping the Office.js rules that matter here: nothing happens before
 * `sync()`, a loaded property cannot be read before it, and every sync is counted.
 */
import type { ExcelRun } from './excel-workbook';
import { ExcelAdapterError } from './errors';
import { ExcelStructureWrites } from './structure-writes';

interface State {
  sheets: Map<string, { visibility: string }>;
  names: Map<string, string>;
  merges: string[];
  charts: { sheet: string; name?: string; type: string; source: string; seriesBy: string; title?: string; at?: string; categories?: string }[];
  active?: string;
  syncs: number;
  calls: string[];
}

function fakeExcel(sheets: Record<string, string> = { Sheet1: 'Visible' }, names: Record<string, string> = {}) {
  const state: State = { sheets: new Map(Object.entries(sheets).map(([n, v]) => [n, { visibility: v }])), names: new Map(Object.entries(names)), merges: [], charts: [], syncs: 0, calls: [] };
  const run: ExcelRun = async (batch) => {
    let queue: (() => void)[] = [];
    let synced = 0;
    const loaded = <T extends object>(read: () => T, at = synced) =>
      new Proxy({} as T, {
        get(_t, prop: string) {
          if (synced <= at) throw Object.assign(new Error(`${prop} read before sync`), { code: 'PropertyNotLoaded' });
          return (read() as Record<string, unknown>)[prop];
        },
      });
    const range = (sheet: string, a1: string) => ({
      // The address, so charts.add and setPosition can be recorded by it.
      a1,
      merge: (across: boolean) => {
        state.calls.push(`merge ${sheet}!${a1} ${across}`);
        queue.push(() => state.merges.push(`${sheet}!${a1}`));
      },
    });
    const worksheet = (name: string) => {
      const snapshot = loaded(() => {
        const s = state.sheets.get(name);
        return { isNullObject: !s, name, visibility: s?.visibility ?? '' };
      });
      const obj = {
        load: () => obj,
        get isNullObject() {
          return snapshot.isNullObject;
        },
        get visibility() {
          return snapshot.visibility;
        },
        set visibility(v: string) {
          queue.push(() => (state.sheets.get(name)!.visibility = v));
        },
        getRange: (a1: string) => range(name, a1),
        activate: () => queue.push(() => (state.active = name)),
        charts: {
          getItemOrNullObject: (chartName: string) => {
            const snap = loaded(() => ({ isNullObject: !state.charts.some((c) => c.sheet === name && c.name === chartName) }));
            const item = {
              load: () => item,
              get isNullObject() {
                return snap.isNullObject;
              },
              delete: () => queue.push(() => (state.charts = state.charts.filter((c) => !(c.sheet === name && c.name === chartName)))),
            };
            return item;
          },
          add: (type: string, source: { a1?: string }, seriesBy: string) => {
            const chart: State['charts'][number] = { sheet: name, type, source: source.a1 ?? '?', seriesBy };
            queue.push(() => state.charts.push(chart));
            return {
              set name(v: string) {
                chart.name = v;
              },
              title: {
                set text(v: string) {
                  chart.title = v;
                },
              },
              setPosition: (at: { a1?: string }) => (chart.at = at.a1),
              axes: { categoryAxis: { setCategoryNames: (names: { a1: string }) => (chart.categories = names.a1) } },
            };
          },
        },
      };
      return obj;
    };
    const context = {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => worksheet(name),
          getItem: (name: string) => worksheet(name),
          add: (name: string) => {
            state.calls.push(`add ${name}`);
            queue.push(() => {
              if (state.sheets.has(name)) throw Object.assign(new Error('exists'), { code: 'ItemAlreadyExists' });
              state.sheets.set(name, { visibility: 'Visible' });
            });
            const added = worksheet(name);
            return added;
          },
        },
        names: {
          getItemOrNullObject: (name: string) => {
            const snap = loaded(() => ({ isNullObject: !state.names.has(name) }));
            const item = {
              load: () => item,
              get isNullObject() {
                return snap.isNullObject;
              },
              delete: () => queue.push(() => state.names.delete(name)),
            };
            return item;
          },
          add: (name: string, reference: string) => queue.push(() => state.names.set(name, reference)),
        },
      },
      sync: async () => {
        state.syncs += 1;
        const ops = queue;
        queue = [];
        ops.forEach((op) => op());
        synced += 1;
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
  return { state, run };
}

describe('ExcelStructureWrites.applyStructure', () => {
  it('adds the missing sheets (the registry very hidden), merges, names and activates in 2 syncs', async () => {
    const { state, run } = fakeExcel({ Sheet1: 'Visible', 예산팀: 'Visible' });
    const writes = new ExcelStructureWrites({ run });
    const stats = await writes.applyStructure({
      sheets: [{ name: '예산팀' }, { name: '법무팀', state: 'visible' }, { name: '_report_tables', state: 'veryHidden' }],
      merges: [
        { sheet: '법무팀', range: { r0: 2, c0: 0, r1: 3, c1: 0 } },
        { sheet: '법무팀', range: { r0: 2, c0: 2, r1: 2, c1: 5 } },
        { sheet: '법무팀', range: { r0: 4, c0: 4, r1: 4, c1: 4 } },
      ],
      names: [{ name: 'RT_lawsuits_1', reference: "'법무팀'!$A$3:$F$9" }],
      activate: '법무팀',
    });
    expect(stats).toEqual({ syncs: 2, sheetsAdded: ['법무팀', '_report_tables'] });
    expect([...state.sheets]).toEqual([
      ['Sheet1', { visibility: 'Visible' }],
      ['예산팀', { visibility: 'Visible' }],
      ['법무팀', { visibility: 'Visible' }],
      ['_report_tables', { visibility: 'VeryHidden' }],
    ]);
    // A one-cell area is not merged; merges keep their contents apart (across = false).
    expect(state.merges).toEqual(['법무팀!A3:A4', '법무팀!C3:F3']);
    expect(state.calls.filter((c) => c.startsWith('merge'))).toEqual(['merge 법무팀!A3:A4 false', 'merge 법무팀!C3:F3 false']);
    expect(state.names.get('RT_lawsuits_1')).toBe("='법무팀'!$A$3:$F$9");
    expect(state.active).toBe('법무팀');
  });

  it('repoints a name that exists, leaving other names alone', async () => {
    const { state, run } = fakeExcel({ S: 'Visible' }, { RT_a_1: "='S'!$A$1:$B$2", Other: '=S!$Z$1' });
    await new ExcelStructureWrites({ run }).applyStructure({ sheets: [], merges: [], names: [{ name: 'RT_a_1', reference: "'S'!$A$5:$B$9" }] });
    expect(Object.fromEntries(state.names)).toEqual({ RT_a_1: "='S'!$A$5:$B$9", Other: '=S!$Z$1' });
    expect(state.syncs).toBe(2);
  });
});

describe('ExcelStructureWrites.addColumnChart', () => {
  it('adds a clustered column chart of the range, series by column, beside the data, in 2 syncs', async () => {
    const { state, run } = fakeExcel({ 요약: 'Visible' });
    const writes = new ExcelStructureWrites({ run });
    const stats = await writes.addColumnChart('요약', { r0: 2, c0: 0, r1: 6, c1: 4 }, { title: '연도별 합계', name: 'RT_summary_chart' });
    expect(stats.syncs).toBe(2);
    expect(state.charts).toEqual([{ sheet: '요약', name: 'RT_summary_chart', type: 'ColumnClustered', source: 'A3:E7', seriesBy: 'Columns', title: '연도별 합계', at: 'G3' }]);
  });

  it('names the points by year for a single row of totals', async () => {
    const { state, run } = fakeExcel({ 총괄: 'Visible' });
    await new ExcelStructureWrites({ run }).addColumnChart('총괄', { r0: 9, c0: 3, r1: 9, c1: 6 }, { seriesBy: 'Rows', categories: { r0: 1, c0: 3, r1: 1, c1: 6 } });
    expect(state.charts[0]).toMatchObject({ source: 'D10:G10', seriesBy: 'Rows', categories: 'D2:G2', at: 'I10' });
  });

  it('replaces its own chart on a refresh instead of stacking another', async () => {
    const { state, run } = fakeExcel({ 요약: 'Visible' });
    const writes = new ExcelStructureWrites({ run });
    await writes.addColumnChart('요약', { r0: 0, c0: 0, r1: 3, c1: 2 }, { name: 'C' });
    await writes.addColumnChart('요약', { r0: 0, c0: 0, r1: 4, c1: 2 }, { name: 'C' });
    expect(state.charts.map((c) => c.source)).toEqual(['A1:C5']);
  });

  it('refuses a missing or hidden sheet with the adapter’s problem codes', async () => {
    const { run } = fakeExcel({ 숨김: 'Hidden' });
    const writes = new ExcelStructureWrites({ run });
    await expect(writes.addColumnChart('없음', { r0: 0, c0: 0, r1: 1, c1: 1 })).rejects.toMatchObject({ problem: { code: 'sheet-not-found' } });
    const hidden = writes.addColumnChart('숨김', { r0: 0, c0: 0, r1: 1, c1: 1 });
    await expect(hidden).rejects.toBeInstanceOf(ExcelAdapterError);
    await expect(hidden).rejects.toMatchObject({ problem: { code: 'sheet-hidden' } });
  });

  it('maps an Excel refusal during the batch to an adapter error', async () => {
    const { run } = fakeExcel({ S: 'Visible' });
    const failing: ExcelRun = (batch) => run(async (ctx) => batch(Object.assign(Object.create(ctx), { sync: async () => Promise.reject(Object.assign(new Error('busy'), { code: 'ActivityLimitReached' })) })));
    await expect(new ExcelStructureWrites({ run: failing }).applyStructure({ sheets: [{ name: 'X' }], merges: [], names: [] })).rejects.toBeInstanceOf(ExcelAdapterError);
  });
});
