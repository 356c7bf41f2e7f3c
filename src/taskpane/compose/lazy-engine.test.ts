import type { Finding } from '../../engine';
import type { EngineKit } from './engine-kit';
import { lazyEngine } from './lazy-engine';

const finding: Finding = { rule: 'sum.row', severity: 'error', sheet: 'S', cell: 'C7' };

function fakeKit(): EngineKit {
  return {
    checkWorkbook: jest.fn(() => ({ tables: [], findings: [finding] })),
    formatFinding: jest.fn((f, lang) => `${lang}:${f.cell}`),
    ruleTitle: jest.fn((rule, lang) => `${lang}:${rule}`),
  } as unknown as EngineKit;
}

describe('lazyEngine', () => {
  it('loads the engine once, on preload or on the first check, and then speaks through it', async () => {
    const kit = fakeKit();
    const load = jest.fn(async () => kit);
    const engine = lazyEngine(load);
    expect(load).not.toHaveBeenCalled();
    engine.preload();
    const result = await engine.checkWorkbook([], { rounding: 'half-up' });
    await engine.checkWorkbook([], { rounding: 'truncate' }, { sheet: 'S' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(result.findings).toEqual([finding]);
    expect(kit.checkWorkbook).toHaveBeenLastCalledWith([], { rounding: 'truncate' }, { sheet: 'S' });
    expect(engine.formatFinding(finding, 'en')).toBe('en:C7');
    expect(engine.ruleTitle!('sum.row', 'ko')).toBe('ko:sum.row');
  });

  it('tries again on the next check when the chunk failed to load', async () => {
    const kit = fakeKit();
    const load = jest.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(kit);
    const engine = lazyEngine(load);
    await expect(engine.checkWorkbook([], { rounding: 'half-up' })).rejects.toThrow('chunk failed');
    await expect(engine.checkWorkbook([], { rounding: 'half-up' })).resolves.toEqual({ tables: [], findings: [finding] });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('names a finding by its rule until the messages are loaded', () => {
    const engine = lazyEngine(() => new Promise(() => undefined));
    expect(engine.formatFinding(finding, 'ko')).toBe('sum.row');
    expect(engine.ruleTitle!('sum.cell', 'ko')).toBe('sum.cell');
  });
});
