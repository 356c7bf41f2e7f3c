'use strict';
/**
 * Report-sized tables for the bench, in the shapes the report uses, stacked down sheets the way teams keep
 * them. Each table is produced twice from the same figures: as grid cells (for our engine, totals as plain
 * numbers) and as a HyperFormula sheet (totals as SUM formulas to evaluate).
 */
const { toA1 } = require('./lib-path').lib('engine/grid/a1.js');

const FMT = '#,##0;"△"#,##0;"-"';
const YEARS = [2020, 2021, 2022, 2023];
const GAP_ROWS = 2;

/** A deterministic pseudo-random figure generator (the same workbook on every run). */
function figures(seed) {
  let x = seed >>> 0 || 1;
  return (max) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return 1 + (x % max);
  };
}

/**
 * One table as rows of {v} | {sum: [[r,c]...]} | null relative to its top-left; `sum` cells are totals.
 * Shapes: budget by year (합계 column + 계 row), counts by 동 (계 row on top + 계 column), and two-level
 * group totals (자치법규 {계, 조례, 규칙} / 행정규칙 {계, 훈령, 예규}) by year.
 */
function tableRows(shape, next, index) {
  const rows = [];
  if (shape === 0) {
    const parts = ['구비', '시비', '국비'].map(() => YEARS.map(() => next(900) * 100));
    const colTotals = YEARS.map((_, j) => parts.reduce((s, p) => s + p[j], 0));
    rows.push([{ v: `□ ${2021}년 사업${index} 소요예산 : ${colTotals[1].toLocaleString('en-US')}천원` }]);
    rows.push([null, null, null, null, null, { v: '(단위 : 천원)' }]);
    rows.push([{ v: '재원별' }, { v: '합계' }, { v: '연차별 소요재원' }, null, null, null]);
    rows.push([null, null, ...YEARS.map((y) => ({ v: `${y}년` }))]);
    const body = [['계', colTotals], ...['구비', '시비', '국비'].map((l, i) => [l, parts[i]])];
    body.forEach(([label, vals], i) => {
      const r = 4 + i;
      const total = { sum: YEARS.map((_, j) => [r, 2 + j]), v: vals.reduce((s, x) => s + x, 0) };
      const cells = vals.map((x, j) => (i === 0 ? { sum: [1, 2, 3].map((k) => [4 + k, 2 + j]), v: x } : { v: x }));
      rows.push([{ v: label }, total, ...cells]);
    });
    return { rows, merges: [[2, 0, 3, 0], [2, 1, 3, 1], [2, 2, 2, 5]] };
  }
  if (shape === 1) {
    const kinds = ['매매', '증여', '상속', '기타'];
    const dongs = ['가동', '나동', '다동', '라동', '마동', '바동'];
    const parts = dongs.map(() => kinds.map(() => next(400)));
    rows.push([{ v: `○ 동별 부동산 거래 현황 ${index}` }]);
    rows.push([null, null, null, null, null, { v: '(단위 : 건)' }]);
    rows.push([{ v: '구분' }, { v: '계' }, ...kinds.map((k) => ({ v: k }))]);
    const top = 3;
    const colTotals = kinds.map((_, j) => parts.reduce((s, p) => s + p[j], 0));
    const line = (label, vals, r, isTotalRow) => [
      { v: label },
      { sum: kinds.map((_, j) => [r, 2 + j]), v: vals.reduce((s, x) => s + x, 0) },
      ...vals.map((x, j) => (isTotalRow ? { sum: dongs.map((_, k) => [top + 1 + k, 2 + j]), v: x } : { v: x })),
    ];
    rows.push(line('계', colTotals, top, true));
    dongs.forEach((d, k) => rows.push(line(d, parts[k], top + 1 + k, false)));
    return { rows, merges: [] };
  }
  const groups = [['자치법규', ['조례', '규칙']], ['행정규칙', ['훈령', '예규']]];
  rows.push([{ v: `○ 법규 제·개정 현황 ${index}` }]);
  rows.push([{ v: '연도' }, ...groups.flatMap(([g]) => [{ v: g }, null, null])]);
  rows.push([null, ...groups.flatMap(([, ks]) => [{ v: '계' }, ...ks.map((k) => ({ v: k }))])]);
  [2019, 2020, 2021].forEach((y, i) => {
    const r = 3 + i;
    const line = [{ v: `${y}년` }];
    groups.forEach((_, g) => {
      const a = next(30);
      const b = next(30);
      const c0 = 1 + g * 3;
      line.push({ sum: [[r, c0 + 1], [r, c0 + 2]], v: a + b }, { v: a }, { v: b });
    });
    rows.push(line);
  });
  return { rows, merges: [[1, 0, 2, 0], [1, 1, 1, 3], [1, 4, 1, 6]] };
}

/** SUM arguments as a spreadsheet holds them: one range when the parts are contiguous, else a list. */
function sumArgs(refs) {
  const sameRow = refs.every(([r]) => r === refs[0][0]);
  const sameCol = refs.every(([, c]) => c === refs[0][1]);
  const contiguous = refs.every(([r, c], i) => i === 0 || (sameRow ? c === refs[i - 1][1] + 1 : r === refs[i - 1][0] + 1));
  if ((sameRow || sameCol) && contiguous) {
    const [first, last] = [refs[0], refs[refs.length - 1]];
    return `${toA1(first[0], first[1])}:${toA1(last[0], last[1])}`;
  }
  return refs.map(([r, c]) => toA1(r, c)).join(',');
}

/**
 * `tableCount` tables over sheets of `perSheet` tables each, starting at B2.
 * Returns { grids: SheetGrid[], hf: { [sheet]: (string|number|null)[][] }, totals: number }.
 */
function generateWorkbook(tableCount, perSheet = 25) {
  const next = figures(12345);
  const grids = [];
  const hf = {};
  let totals = 0;
  for (let t = 0, s = 0; t < tableCount; s++) {
    const name = `팀${s + 1}`;
    const cells = [];
    const hfRows = [];
    const merges = [];
    let top = 1;
    for (let k = 0; k < perSheet && t < tableCount; k++, t++) {
      const { rows, merges: m } = tableRows(t % 3, next, t + 1);
      const left = 1;
      rows.forEach((line, i) => {
        const r = top + i;
        cells[r] = [];
        hfRows[r] = [];
        line.forEach((cell, j) => {
          const c = left + j;
          if (!cell) return;
          if (cell.sum) {
            totals++;
            cells[r][c] = { v: cell.v, fmt: FMT };
            hfRows[r][c] = `=SUM(${sumArgs(cell.sum.map(([rr, cc]) => [top + rr, left + cc]))})`;
          } else {
            cells[r][c] = typeof cell.v === 'number' ? { v: cell.v, fmt: FMT } : { v: cell.v };
            hfRows[r][c] = cell.v;
          }
        });
      });
      for (const [r0, c0, r1, c1] of m) merges.push({ r0: top + r0, c0: left + c0, r1: top + r1, c1: left + c1 });
      top += rows.length + GAP_ROWS;
    }
    // Dense rows for both consumers (HyperFormula wants arrays; holes become null).
    const dense = (rows) => Array.from({ length: rows.length }, (_, r) => Array.from(rows[r] ?? [], (x) => x ?? null));
    grids.push({ name, cells: dense(cells), merges });
    hf[name] = dense(hfRows);
  }
  return { grids, hf, totals };
}

/** The same grids with totals written as SUM formulas with cached values (as a team's workbook has them). */
function withFormulas(generated) {
  return generated.grids.map((g) => ({
    ...g,
    cells: g.cells.map((line, r) =>
      line.map((cell, c) => {
        const f = generated.hf[g.name][r]?.[c];
        return cell && typeof f === 'string' && f.startsWith('=') ? { ...cell, f: f.slice(1) } : cell;
      }),
    ),
  }));
}

module.exports = { generateWorkbook, withFormulas };
