/** A number as the report writes it, parsed: "19,000", "△1,200", "(1,200)", "84.5%", "61,800 ¹⁾", "4회", "-". */
export interface ParsedNumber {
  /** The figure; negative when written with '-', '△' or parentheses. A '-' alone is 0. */
  value: number;
  /** Digits after the decimal point as written ("84.5" → 1, "19,000" → 0). */
  decimals: number;
  /** Written with a '%' sign. */
  percent: boolean;
  /** Written with thousands separators. */
  grouped: boolean;
  /** How a negative was written. */
  negative?: 'minus' | 'triangle' | 'parens';
  /** A unit word written after the figure: '건', '명', '회', '천원', '백만원', '억원', '원' … */
  unit?: string;
  /** A footnote mark written after the figure: '¹⁾', '1)', '*' … */
  footnote?: string;
  /** Written as '-' (or '－', '–'): the report's zero. */
  dash?: boolean;
}

/** What a cell means in a numeric area of a table. */
export type NumericCell =
  /** Blank: zero in a numeric area. */
  | { kind: 'empty' }
  /**
   * A figure. `fromText` is true when a number was stored as text ("19,000" typed as a string) — `number.text`;
   * a '-' is the report's zero and is not `fromText`.
   */
  | { kind: 'number'; value: number; fromText: boolean; parsed?: ParsedNumber; formula?: string }
  /** Several figures in one text cell: "22(22)" (정원(현원)), "116건/ 4,817백만원", "766(84.5%)", "5회/137명". */
  | { kind: 'compound'; parts: ParsedNumber[]; text: string }
  /** Text that looks like a mistyped number ("12,5OO", "1,2 34", "38.643" where 38,643 is meant is NOT detectable here). */
  | { kind: 'invalid'; text: string }
  /** Words in a numeric area ("진행 중", "'18.8.30개최"): a label, not a finding. */
  | { kind: 'label'; text: string }
  | { kind: 'error'; code: string }
  | { kind: 'date'; serial: number }
  | { kind: 'bool'; value: boolean };
