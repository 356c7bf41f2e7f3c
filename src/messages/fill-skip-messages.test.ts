import { fillSkipMessage } from './fill-skip-messages';

const texts: Record<string, string> = { E209: '61,800 ¹⁾', A12: '22(22)', C5: '#REF!' };
const text = (a1: string) => texts[a1];

describe('fillSkipMessage', () => {
  test.each([
    ['text-input', ['E209'], 'ko', ["E209의 '61,800 ¹⁾'", '--values']],
    ['text-input', ['E209'], 'en', ["E209 holds '61,800 ¹⁾' as text", 'type it as a number', '--values']],
    ['text-input', ['E208'], 'ko', ['입력 셀 E208도 채우지 못해']],
    ['text-input', ['E208'], 'en', ['its input E208 is left alone too']],
    ['compound-input', ['A12'], 'ko', ["'22(22)'", '값이 여럿']],
    ['compound-input', ['A12'], 'en', ["A12 ('22(22)') holds several figures"]],
    ['error-input', ['C5'], 'en', ['C5 holds an error (#REF!)']],
    ['cycle', [], 'ko', ['순환']],
    ['overflow', ['A1'], 'en', ['beyond what a spreadsheet can hold']],
    ['caption-shape', ['D5'], 'en', ['another unit']],
  ] as const)('%s %j (%s) says why and quotes the input', (reason, related, lang, parts) => {
    const message = fillSkipMessage({ cell: 'B1', reason, related: [...related] }, text, lang);
    for (const p of parts) expect(message).toContain(p);
  });

  test('every reason has its own words in both languages', () => {
    const reasons = ['text-input', 'compound-input', 'error-input', 'cycle', 'overflow', 'caption-shape'];
    for (const lang of ['ko', 'en'] as const) {
      const messages = reasons.map((reason) => fillSkipMessage({ cell: 'B1', reason, related: ['E209'] }, text, lang));
      expect(new Set(messages).size).toBe(reasons.length);
    }
  });
});
