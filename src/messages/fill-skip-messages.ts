/**
 * Why fill left a cell alone, in words: the reason codes of the engine's fill plan (SkipReason, kept as a string
 * here so messages do not depend on the engine) with the input behind it quoted, and what the user can do.
 */
import type { Lang } from './lang';

export interface FillSkipLike {
  cell: string;
  reason: string;
  /** The inputs behind the reason (A1). */
  related: string[];
}

/** The text an input cell holds ('61,800 ¹⁾'), or undefined for a blank or a cell fill left alone itself. */
export type InputText = (a1: string) => string | undefined;

function quoted(skip: FillSkipLike, text: InputText): { cell: string; text: string } | undefined {
  for (const cell of skip.related) {
    const t = text(cell);
    if (t !== undefined && t !== '') return { cell, text: t };
  }
  return undefined;
}

export function fillSkipMessage(skip: FillSkipLike, text: InputText, lang: Lang): string {
  const ko = lang === 'ko';
  const input = quoted(skip, text);
  const others = skip.related.join(', ');
  switch (skip.reason) {
    case 'text-input':
      if (!input) {
        return ko ? `입력 셀 ${others}도 채우지 못해 그대로 둡니다 (그 셀의 이유를 보세요)` : `its input ${others} is left alone too (see why there)`;
      }
      return ko
        ? `${input.cell}의 '${input.text}'은(는) 텍스트라 수식이 더하거나 읽지 못합니다 — 숫자로 입력하거나 --values로 값을 채우세요`
        : `${input.cell} holds '${input.text}' as text, which a formula cannot add or read: type it as a number, or fill with --values`;
    case 'compound-input':
      return ko
        ? `${input ? `${input.cell}의 '${input.text}'처럼 ` : ''}한 칸에 값이 여럿인 셀은 수식으로 채우지 않습니다 (값마다 따로 확인합니다)`
        : `${input ? `${input.cell} ('${input.text}') holds` : 'it holds'} several figures in one cell; fill writes no formula with such cells (each figure is checked on its own)`;
    case 'error-input':
      return ko ? `${others}에 오류 값${input ? `(${input.text})` : ''}이 있습니다 — 먼저 고치세요` : `${others} holds an error${input ? ` (${input.text})` : ''}: fix it first`;
    case 'cycle':
      return ko ? '합계 관계가 서로를 참조합니다(순환)' : 'the totals refer to each other (a cycle)';
    case 'overflow':
      return ko ? '계산 결과가 스프레드시트가 담을 수 있는 범위를 넘습니다' : 'the figure is beyond what a spreadsheet can hold';
    case 'caption-shape':
      return ko ? '제목 줄의 금액이 표와 단위가 다르거나 소수점이 있어 표와 연결하지 않습니다' : "the caption's amount is in another unit or has decimals, so it is not tied to the table";
    default:
      return ko ? '채우지 않았습니다' : 'left alone';
  }
}
