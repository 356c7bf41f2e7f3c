import type { Finding } from '../engine/model/finding';
import { formatFinding } from './finding-messages';

const f = (cell: string, expected: string, actual: string, reason: string): Finding => ({ rule: 'spec.mismatch', severity: 'error', sheet: '기획예산과', cell, expected, actual, params: { id: 'b1', reason } });

describe('spec.mismatch says what no longer matches', () => {
  it.each([
    [f('E6', '2021년', '2021년(추경)', 'header'), "등록된 표가 사양과 맞지 않습니다(E6): 사양은 '2021년', 시트는 '2021년(추경)'", "The registered table no longer matches its spec at E6: spec '2021년', sheet '2021년(추경)'"],
    [f('B5', 'B5:G9', 'B5:F9', 'size'), '등록된 표의 범위가 사양과 다릅니다(B5): 사양은 B5:G9, 시트는 B5:F9', "The registered table's range no longer fits its spec at B5: spec B5:G9, sheet B5:F9"],
    [f('B5', '없는시트', '', 'sheet'), '등록된 표의 시트(없는시트)가 없습니다(B5)', "The registered table's sheet '없는시트' is gone (B5)"],
    [f('B5', 'RT_b1', 'the defined name RT_b1 is gone', 'registry'), '등록된 표(RT_b1)를 읽을 수 없어 사양 대신 추론으로 검사했습니다(B5): the defined name RT_b1 is gone', 'The registered table RT_b1 cannot be read, so it was checked by inference instead (B5): the defined name RT_b1 is gone'],
  ])('%#', (finding, ko, en) => {
    expect(formatFinding(finding, 'ko')).toBe(ko);
    expect(formatFinding(finding, 'en')).toBe(en);
  });
});
