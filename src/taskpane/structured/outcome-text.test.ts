import { checkWorkbook } from '../../engine/check-workbook';
import type { SheetGrid } from '../../engine/grid/types';
import { structuredStringsFor } from '../strings/structured-strings';
import { outcomeText } from './outcome-text';
import { planAdopt } from './structured-kit';

// A budget table whose unit line is missing: adopting it is refused until the user names the unit.
const sheet: SheetGrid = {
  name: '예산팀',
  cells: [
    [{ v: '재원별' }, { v: '합계' }, { v: '2020년' }, { v: '2021년' }],
    [{ v: '계' }, { v: 60 }, { v: 30 }, { v: 30 }],
    [{ v: '구비' }, { v: 30 }, { v: 10 }, { v: 20 }],
    [{ v: '시비' }, { v: 30 }, { v: 20 }, { v: 10 }],
  ],
  merges: [],
};

describe('outcomeText: a refused adopt in the pane language', () => {
  const table = { ...checkWorkbook([sheet]).tables[0], kind: 'budget-by-year' as const, unit: undefined };
  const planned = planAdopt([sheet], { table, notTotalRows: [], notPartColumns: [], now: '2026-01-01T00:00:00.000Z' });

  it('the plan refuses with the problem as data', () => {
    expect(planned).toEqual({ ok: false, reason: 'not-adoptable', problems: [expect.objectContaining({ code: 'spec.unit-required', path: ['unit'] })] });
  });

  it.each([
    ['ko', /^이 표는 등록할 수 없습니다 \(금액 표는 단위\(천원, 백만원 등\)를 적어야 등록할 수 있습니다/],
    ['en', /needs its unit \(천원, 백만원 …\) to be registered/],
  ] as const)('%s', (lang, said) => {
    if (planned.ok) throw new Error('adopted');
    const text = outcomeText(planned, 'done', structuredStringsFor(lang));
    expect(text.ok).toBe(false);
    expect(text.text).toMatch(said);
    if (lang === 'ko') expect(text.text).not.toMatch(/[a-z]{3,}/i);
  });

  it('with the unit named, it is registered', () => {
    expect(planAdopt([sheet], { table, notTotalRows: [], notPartColumns: [], unit: '천원', now: 'x' }).ok).toBe(true);
  });
});
