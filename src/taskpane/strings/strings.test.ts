import { formatFigure, langFromLocale, stringsFor } from './strings';

describe('strings', () => {
  it('has every key in both languages, none empty', () => {
    const ko = stringsFor('ko');
    const en = stringsFor('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const table of [ko, en]) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });

  it('writes the Korean UI in Korean', () => {
    expect(stringsFor('ko').allGoodTitle).toMatch(/[가-힣]/);
    expect(stringsFor('en').allGoodTitle).not.toMatch(/[가-힣]/);
  });

  it.each([
    ['ko-KR', 'ko'],
    ['ko', 'ko'],
    ['KO-kr', 'ko'],
    ['en-US', 'en'],
    ['kok-IN', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%p → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });

  it.each([
    [48400, '48,400'],
    [-1200, '△1,200'],
    [84.5, '84.5'],
    [0, '0'],
    ['22(22)', '22(22)'],
    [null, '—'],
  ])('formats %p as %s', (value, text) => {
    expect(formatFigure(value, 'ko')).toBe(text);
  });
});
