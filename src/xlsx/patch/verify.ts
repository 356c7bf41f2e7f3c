/** Read a patched package back and check that every write landed as planned (fill refuses otherwise). */
import { toA1, type CellWrite } from '../../engine';
import { readWorkbookBuffer } from '../read-workbook';
import { PatchError } from './patch-error';

export async function verifyPatched(bytes: Uint8Array, writes: readonly CellWrite[]): Promise<void> {
  let sheets;
  try {
    sheets = await readWorkbookBuffer(bytes);
  } catch (err) {
    throw new PatchError('verify-failed', `the patched workbook could not be read back (${err instanceof Error ? err.message : String(err)})`);
  }
  const last = new Map<string, CellWrite>();
  for (const w of writes) last.set(`${w.sheet}\u0000${w.row},${w.col}`, w);
  for (const w of last.values()) {
    const cell = sheets.find((s) => s.name === w.sheet)?.cells[w.row]?.[w.col];
    const where = `${w.sheet}!${toA1(w.row, w.col)}`;
    const formulaOk = (cell?.f ?? undefined) === w.formula;
    const expected = w.value === '' && w.formula === undefined ? null : w.value;
    const valueOk = w.error !== undefined ? cell?.error === w.error : (cell?.v ?? null) === expected || (expected === '' && (cell?.v ?? null) === null);
    if (!formulaOk || !valueOk) throw new PatchError('verify-failed', `the patched workbook does not hold the planned ${where}`);
  }
}
