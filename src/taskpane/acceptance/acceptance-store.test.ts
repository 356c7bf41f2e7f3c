import {
  ACCEPTANCE_SETTING,
  acceptanceFor,
  acceptanceKey,
  browserAcceptanceStore,
  documentSettingsAcceptanceStore,
  sanitizeAcceptances,
  type DocumentSettingsLike,
} from './acceptance-store';
import type { Finding } from '../../engine';

const f: Finding = { rule: 'sum.row', severity: 'error', sheet: '기획예산과', cell: 'C7', expected: 48400, actual: 48000 };

function fakeSettings(status = 'succeeded') {
  const values = new Map<string, unknown>();
  const settings: DocumentSettingsLike & { saves: number } = {
    saves: 0,
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    saveAsync(callback) {
      settings.saves++;
      callback?.({ status, error: status === 'failed' ? { message: 'quota' } : undefined });
    },
  };
  return settings;
}

describe('acceptanceKey', () => {
  it.each([
    ['another rule', { ...f, rule: 'sum.column' as const }],
    ['another sheet', { ...f, sheet: '예산팀' }],
    ['another cell', { ...f, cell: 'C8' }],
    ['a changed figure', { ...f, actual: 48100 }],
    ['the figure as text', { ...f, actual: '48000' }],
  ])('differs for %s', (_, other) => {
    expect(acceptanceKey(other)).not.toBe(acceptanceKey(f));
  });

  it('ignores what a finding may legitimately vary in between checks (expected, related, params)', () => {
    expect(acceptanceKey({ ...f, expected: 1, related: ['D7'] } as Finding)).toBe(acceptanceKey(f));
  });
});

describe('sanitizeAcceptances', () => {
  it('keeps well-formed entries and drops the rest, including entries filed under a key they do not match', () => {
    const good = acceptanceFor(f, ' 예산서와 같음 ', new Date('2026-11-28T00:00:00Z'));
    expect(good.note).toBe('예산서와 같음');
    const raw = {
      [acceptanceKey(f)]: good,
      [acceptanceKey({ ...f, cell: 'Z9' })]: good,
      junk: 5,
      [acceptanceKey({ ...f, actual: null })]: { ...good, actual: { nested: true } },
    };
    expect(sanitizeAcceptances(raw)).toEqual({ [acceptanceKey(f)]: good });
  });

  it.each([null, undefined, 'text', 42, [1, 2]])('reads %p as no acceptances', (raw) => {
    expect(sanitizeAcceptances(raw)).toEqual({});
  });
});

describe('documentSettingsAcceptanceStore', () => {
  it('round-trips through the document settings and saves them into the workbook', async () => {
    const settings = fakeSettings();
    const store = documentSettingsAcceptanceStore(settings);
    expect(await store.load()).toEqual({});
    const map = { [acceptanceKey(f)]: acceptanceFor(f, 'ok') };
    await store.save(map);
    expect(settings.saves).toBe(1);
    expect(settings.get(ACCEPTANCE_SETTING)).toEqual(map);
    expect(await documentSettingsAcceptanceStore(settings).load()).toEqual(map);
  });

  it('rejects when Office cannot save, so the pane can say so', async () => {
    const store = documentSettingsAcceptanceStore(fakeSettings('failed'));
    await expect(store.save({})).rejects.toThrow('quota');
  });
});

describe('browserAcceptanceStore', () => {
  function memoryStorage() {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
  }

  it('keeps acceptances per file name', async () => {
    const storage = memoryStorage();
    const map = { [acceptanceKey(f)]: acceptanceFor(f, 'ok') };
    await browserAcceptanceStore(storage, 'a.xlsx').save(map);
    expect(await browserAcceptanceStore(storage, 'a.xlsx').load()).toEqual(map);
    expect(await browserAcceptanceStore(storage, 'b.xlsx').load()).toEqual({});
  });

  it('keeps working in memory when storage throws or holds garbage', async () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const store = browserAcceptanceStore(throwing, 'a.xlsx');
    const map = { [acceptanceKey(f)]: acceptanceFor(f, 'ok') };
    await store.save(map);
    expect(await store.load()).toEqual(map);

    const garbage = memoryStorage();
    garbage.setItem('reportTables.accepted:a.xlsx', '{not json');
    expect(await browserAcceptanceStore(garbage, 'a.xlsx').load()).toEqual({});
  });
});
