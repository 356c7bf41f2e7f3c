import { ExcelAdapterError, TOO_LARGE_CODES, excelProblem, isExcelAdapterError, toAdapterError, type ExcelProblemCode } from './errors';

const officeError = (code: string, message = 'from Excel') => Object.assign(new Error(message), { name: 'RichApi.Error', code });

describe('toAdapterError', () => {
  it.each<[string, ExcelProblemCode]>([
    ['InvalidOperationInCellEditMode', 'cell-editing'],
    ['ItemNotFound', 'sheet-not-found'],
    ['AccessDenied', 'access-denied'],
    ['GeneralException', 'busy'],
    ['RequestAborted', 'busy'],
    ['ResponsePayloadSizeLimitExceeded', 'too-large'],
    ['ApiNotFound', 'not-supported'],
    ['InvalidSelection', 'invalid-selection'],
    ['BrandNewCode', 'unknown'],
  ])('%s -> %s, with Korean and English messages', (excelCode, code) => {
    const error = toAdapterError(officeError(excelCode), { sheet: '기획예산과' });
    expect(isExcelAdapterError(error)).toBe(true);
    const { problem } = error as ExcelAdapterError;
    expect(problem.code).toBe(code);
    expect(problem.excelCode).toBe(excelCode);
    expect(problem.message.ko).toMatch(/[가-힣]/);
    expect(problem.message.en).toMatch(/[A-Za-z]/);
    expect((error as ExcelAdapterError).message).toBe(problem.message.en);
  });

  it('names the sheet where it matters and keeps an unknown code visible', () => {
    expect(excelProblem('sheet-protected', { sheet: '인사팀' }).message.ko).toContain("'인사팀'");
    const unknown = toAdapterError(officeError('BrandNewCode', 'something odd')) as ExcelAdapterError;
    expect(unknown.problem.message.en).toContain('BrandNewCode (something odd)');
  });

  it('leaves programming errors alone', () => {
    const bug = new TypeError('x is undefined');
    expect(toAdapterError(bug)).toBe(bug);
    expect(toAdapterError('a string')).toBe('a string');
  });

  it('the too-large codes are those the reader answers with chunks', () => {
    expect([...TOO_LARGE_CODES].sort()).toEqual([
      'OperationCellsExceedLimit',
      'RangeExceedsLimit',
      'RequestPayloadSizeLimitExceeded',
      'ResponsePayloadSizeLimitExceeded',
    ]);
  });
});
