import { READ_PROBLEM_CODES } from '../xlsx/read-problem';
import { LANGS } from './lang';
import { readProblemMessage, readProblemReason } from './read-problem-messages';

describe('read problem messages', () => {
  const cases = READ_PROBLEM_CODES.flatMap((code) => LANGS.map((lang) => [code, lang] as const));
  it.each(cases)('%s (%s): one line naming the file', (code, lang) => {
    const text = readProblemMessage({ file: 'dir/book.xlsx', code, detail: code === 'drm' ? 'Fasoo' : undefined }, lang);
    expect(text.startsWith('dir/book.xlsx: ')).toBe(true);
    expect(text).not.toMatch(/\n|undefined/);
    expect(text.length).toBeLessThan(200);
    if (lang === 'ko') expect(text).toMatch(/[가-힣]/);
  });

  it('gives every code its own reason', () => {
    for (const lang of LANGS) {
      const reasons = READ_PROBLEM_CODES.map((code) => readProblemReason({ code }, lang));
      expect(new Set(reasons).size).toBe(reasons.length);
    }
  });

  it('tells DRM, encrypted and old .xls files what to do', () => {
    expect(readProblemReason({ code: 'drm', detail: 'Fasoo' }, 'ko')).toMatch(/DRM.*Fasoo.*복호화/);
    expect(readProblemReason({ code: 'encrypted' }, 'ko')).toMatch(/암호/);
    expect(readProblemReason({ code: 'legacy-xls' }, 'en')).toMatch(/save it as \.xlsx/);
    expect(readProblemReason({ code: 'hancom-cell' }, 'ko')).toMatch(/한셀.*\.xlsx/);
  });
});
