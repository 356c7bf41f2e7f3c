/** Refusals of WorkbookPort.applyChange that any adapter may give, with the pane's words in both languages. */

/** A sheet the change was to add exists by now (made in the meantime): nothing was written; try again. */
export class SheetExistsError extends Error {
  readonly problem: { code: 'sheet-exists'; message: { ko: string; en: string }; sheet: string };

  constructor(readonly sheet: string) {
    super(`a sheet named ${sheet} exists already`);
    this.name = 'SheetExistsError';
    this.problem = {
      code: 'sheet-exists',
      sheet,
      message: {
        ko: `'${sheet}' 시트가 그 사이에 생겨 아무것도 쓰지 않았습니다. 다시 시도하세요.`,
        en: `A sheet named '${sheet}' appeared in the meantime, so nothing was written. Try again.`,
      },
    };
  }
}
