import { detectHost, themeFromOffice, type HostWindow } from './detect-host';

const never = () => new Promise<{ host: unknown }>(() => undefined);

describe('detectHost', () => {
  it('is standalone at once when office.js is not on the page', async () => {
    await expect(detectHost({ navigator: { language: 'ko-KR' } })).resolves.toMatchObject({
      mode: 'standalone',
      reason: 'no-office-js',
      lang: 'ko',
    });
  });

  it('is standalone when the page flagged that office.js failed to load, without asking Office', async () => {
    const onReady = jest.fn(never);
    const info = await detectHost({ __officeJsFailed: true, Office: { onReady } });
    expect(info).toMatchObject({ mode: 'standalone', reason: 'office-js-failed' });
    expect(onReady).not.toHaveBeenCalled();
  });

  it('is standalone when Office answers with no host (a plain browser tab)', async () => {
    const win: HostWindow = { Office: { onReady: async () => ({ host: null }) }, navigator: { language: 'en-US' } };
    await expect(detectHost(win)).resolves.toMatchObject({ mode: 'standalone', reason: 'not-in-office', lang: 'en' });
  });

  it('does not hang when Office never answers', async () => {
    jest.useFakeTimers();
    try {
      const pending = detectHost({ Office: { onReady: never } }, 1500);
      await jest.advanceTimersByTimeAsync(1500);
      await expect(pending).resolves.toMatchObject({ mode: 'standalone', reason: 'timeout' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('is standalone when onReady rejects or throws', async () => {
    await expect(detectHost({ Office: { onReady: () => Promise.reject(new Error('x')) } })).resolves.toMatchObject({
      reason: 'office-js-failed',
    });
    const throwing: HostWindow = {
      Office: {
        onReady: () => {
          throw new Error('broken');
        },
      },
    };
    await expect(detectHost(throwing)).resolves.toMatchObject({ reason: 'office-js-failed' });
  });

  it.each([
    ['ko-KR', '#FFFFFF', 'ko', 'light'],
    ['en-US', '#262626', 'en', 'dark'],
    ['ja-JP', '#E6E6E6', 'en', 'light'],
  ])('in Excel (%s, body %s) speaks %s with a %s theme', async (displayLanguage, bodyBackgroundColor, lang, theme) => {
    const win = {
      Office: {
        onReady: async () => ({ host: 'Excel' }),
        context: { displayLanguage, officeTheme: { bodyBackgroundColor } as Office.OfficeTheme },
      },
      navigator: { language: 'en-US' },
    };
    await expect(detectHost(win)).resolves.toEqual({ mode: 'office', host: 'Excel', lang, theme });
  });

  it('follows the system colour scheme when standalone', async () => {
    const dark = await detectHost({ matchMedia: (q) => ({ matches: q.includes('dark') }) });
    expect(dark.theme).toBe('dark');
  });
});

describe('themeFromOffice', () => {
  it.each([
    ['#000000', 'dark'],
    ['#333333', 'dark'],
    ['#F3F3F3', 'light'],
    ['not a colour', 'light'],
    [undefined, 'light'],
  ])('%p → %s', (colour, theme) => {
    expect(themeFromOffice(colour)).toBe(theme);
  });
});
