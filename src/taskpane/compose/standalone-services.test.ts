import { classifyFileError, errorMessage } from '../errors';
import { stringsFor } from '../strings';
import { withReason } from './standalone-services';

describe('withReason', () => {
  it("adds the reader's precise reason in both languages, which the pane then shows", () => {
    const error = Object.assign(new Error('not a zip'), { problem: { file: 'a.xlsx', code: 'not-zip', detail: 'text' } });
    const shown = classifyFileError(withReason(error));
    expect(shown.kind).toBe('unreadable-file');
    expect(errorMessage(shown, stringsFor('ko'), 'ko')).toMatch(/텍스트 파일/);
    expect(errorMessage(shown, stringsFor('en'), 'en')).toMatch(/text file/);
  });

  it('leaves errors without a problem alone, and the pane falls back to its own words', () => {
    const error = new TypeError('boom');
    expect(withReason(error)).toBe(error);
    const shown = classifyFileError(error);
    expect(errorMessage(shown, stringsFor('ko'), 'ko')).toBe(stringsFor('ko').errorUnreadableFile);
  });
});
