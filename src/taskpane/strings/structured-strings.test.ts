import { TABLE_KINDS } from '../../engine/model/table';
import { fill, kindName, structuredStringsFor, tableHeading } from './structured-strings';

describe('structured strings', () => {
  it('has every key in both languages, none empty, Korean in Korean', () => {
    const ko = structuredStringsFor('ko');
    const en = structuredStringsFor('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
    for (const table of [ko, en]) for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
    expect(ko.importedCounts).toMatch(/[가-힣]/);
    expect(en.importedCounts).not.toMatch(/[가-힣]/);
  });

  it('the import result names both counts in either language', () => {
    for (const lang of ['ko', 'en'] as const) {
      const said = fill(structuredStringsFor(lang).importedCounts, { written: 24, registered: 18 });
      expect(said).toContain('24');
      expect(said).toContain('18');
      expect(said).not.toMatch(/[{}]/);
    }
  });

  it('an untitled table is called by its kind as people call it, never by the kind id', () => {
    for (const kind of TABLE_KINDS.filter((k) => k !== 'text')) {
      expect(tableHeading(undefined, kind, 'ko')).toBe(kindName(kind, 'ko'));
      expect(tableHeading(undefined, kind, 'ko')).toMatch(/[가-힣]/);
      expect(tableHeading('  ', kind, 'en')).not.toBe(kind);
    }
    expect(tableHeading('□ 청사 시설 개선', 'budget-by-year', 'ko')).toBe('□ 청사 시설 개선');
  });
});
