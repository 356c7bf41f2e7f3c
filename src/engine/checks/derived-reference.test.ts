/**
 * The reference report laid out as a workbook and detected for real: its rates, captions and years check clean
 * (no errors; one warning, the truncated 승소율 in prose), and planted faults of each kind are found.
 */
import { referenceText } from '../../../test/fixtures/reference-text';
import { detectTables } from '../detect';
import type { Cell, SheetGrid } from '../grid/types';
import type { Finding } from '../model/finding';
import type { RoundingPolicy } from '../model/options';
import type { Table } from '../model/table';
import { inferCaptionRelations, inferPlanYear } from '../relations/captions';
import { inferDiffRelations } from '../relations/diffs';
import { inferRateRelations } from '../relations/rates';
import { parseReportText, placeReport, type ReportLayoutOptions } from '../report-text';
import { checkCaptions } from './captions';
import { checkDiffs } from './diffs';
import { checkProseRates } from './prose-rates';
import { checkRates } from './rates';
import { checkYearSpan, checkYears } from './years';

function run(sheets: SheetGrid[], rounding: RoundingPolicy = 'half-up') {
  const planYear = inferPlanYear(sheets);
  const tables: Table[] = [];
  const findings: Finding[] = [];
  for (const sheet of sheets) {
    for (const layout of detectTables(sheet)) {
      const options = { rounding, planYear };
      const relations = [
        ...inferRateRelations(sheet, layout, options),
        ...inferDiffRelations(sheet, layout, options),
        ...inferCaptionRelations(sheet, layout, options),
      ];
      const table: Table = { ...layout, relations };
      tables.push(table);
      findings.push(
        ...checkRates(sheet, table, options),
        ...checkProseRates(sheet, table, options),
        ...checkDiffs(sheet, table, options),
        ...checkCaptions(sheet, table, options),
        ...checkYears(sheet, table),
      );
    }
  }
  findings.push(...checkYearSpan(tables));
  return { tables, findings };
}

function sheetsOf(options: ReportLayoutOptions): SheetGrid[] {
  return placeReport(parseReportText(referenceText()), options).sheets;
}

/** Replace the text of the first cell whose text is `from` (or, with `contains`, includes it). */
function plant(sheets: SheetGrid[], from: string, to: string, contains = false): SheetGrid[] {
  let done = false;
  const out = sheets.map((s) => ({
    ...s,
    cells: s.cells.map((row) =>
      row.map((cell): Cell | null | undefined => {
        if (done || !cell || cell.v === null) return cell;
        const text = String(cell.v);
        const hit = contains ? text.includes(from) : text.trim() === from;
        if (!hit) return cell;
        done = true;
        if (typeof cell.v === 'number') return { ...cell, v: Number(to) };
        return { ...cell, v: contains ? text.replace(from, to) : to };
      }),
    ),
  }));
  if (!done) throw new Error(`no cell holds ${from}`);
  return out;
}

const LAYOUTS: [string, ReportLayoutOptions][] = [
  ['pasted text, unmerged', {}],
  ['merged headers, figures as numbers', { mergeHeaders: true, numbers: 'values' }],
];

describe.each(LAYOUTS)('the reference report (%s)', (_name, options) => {
  const sheets = sheetsOf(options);

  test('plan year 2021, taken from the captions', () => {
    expect(inferPlanYear(sheets)).toBe(2021);
  });

  test('relations: the 집행률 component, eight budget captions and the staffing caption', () => {
    const { tables } = run(sheets);
    const relations = tables.flatMap((t) => t.relations);
    expect(relations.filter((r) => r.type === 'rate')).toHaveLength(1);
    expect(relations.filter((r) => r.type === 'diff')).toHaveLength(0);
    const captions = relations.filter((r) => r.type === 'caption');
    expect(captions.map((r) => r.amount).sort((a, b) => a - b)).toEqual([22, 22, 5000, 13750, 19000, 32300, 34080, 34900, 52700, 182170]);
  });

  test('checks clean: no errors; the only warning is the truncated 승소율 in prose', () => {
    const { findings } = run(sheets);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['rate.rounding', 94.6, 94.5]]);
  });

  test('under the truncate policy the prose is right and nothing is said', () => {
    expect(run(sheets, 'truncate').findings).toEqual([]);
  });

  test.each([
    ['a caption amount', '□ 2021년 소요예산 : 32,300천원', '□ 2021년 소요예산 : 32,800천원', 'caption.amount', false],
    ['a caption without a year', '182,170천원', '182,710천원', 'caption.amount', true],
    ['the staffing caption', '정원 22명', '정원 21명', 'caption.amount', true],
    ['the 집행률', '766(84.5%)', '766(48.5%)', 'rate.mismatch', false],
    ['a year header (duplicated)', '2022년', '2021년', 'year.sequence', false],
    ['a year row label (skipped)', '2019년', '2017년', 'year.sequence', false],
    ['a lawsuit year group', '2019', '2020', 'year.sequence', false],
  ])('planted fault in %s is found', (_what, from, to, rule, contains) => {
    const { findings } = run(plant(sheets, from, to, contains));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual([rule]);
  });
});
