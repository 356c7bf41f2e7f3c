/**
 * A table inserted from each template, filled with random figures and recalculated by LibreOffice, agrees with
 * the engine: every formula the template wrote gives the figure the engine cached, the registry survives the
 * round trip, and the recalculated workbook checks clean by its specs.
 */
import fc from 'fast-check';
import { checkWorkbook, toA1, type RegistryEntry, type SheetGrid, type TemplateBlock } from '../engine';
import { filledTemplate } from '../engine/templates/test-support';
import { instantiateTemplate } from '../engine/templates';
import { defaultSpecs } from '../specs';
import { readWorkbookBuffer } from './read-workbook';
import { libreOfficeResave } from './test-support/libreoffice';
import { XlsxWorkbook } from './xlsx-workbook';

const kinds = Object.entries(defaultSpecs());

function at(sheet: SheetGrid | undefined, row: number, col: number) {
  return sheet?.cells[row]?.[col] ?? null;
}

describe('templates recalculated by LibreOffice', () => {
  it('agree with the engine for every kind, figures random', async () => {
    const figures = fc.sample(fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 40, maxLength: 40 }), { numRuns: 1, seed: 20211 })[0];
    const blocks: TemplateBlock[] = kinds.map(([kind, spec], i) => instantiateTemplate(spec, { sheet: `T${i + 1}`, at: { row: 1, col: 1 }, title: `□ ${kind}` }));
    const filled = blocks.map((b, i) => filledTemplate(b, figures.slice(i).concat(figures.slice(0, i))));
    const book = XlsxWorkbook.fromGrids(filled.map((g) => ({ ...g, merges: [] })));
    for (const b of blocks) await book.mergeCells(b.sheet, b.merges);
    const entries: RegistryEntry[] = blocks.map((b, i) => ({ id: `t${i + 1}`, sheet: b.sheet, range: b.range, kind: b.spec.kind, spec: b.spec, created: 't', updated: 't' }));
    await book.writeRegistry(entries);

    const recalculated = await libreOfficeResave(new Uint8Array(await book.toBuffer()));
    const back = await readWorkbookBuffer(recalculated);
    const disagreements: string[] = [];
    blocks.forEach((b, i) => {
      const mine = filled[i];
      const theirs = back.find((s) => s.name === b.sheet);
      for (const w of b.writes.filter((x) => x.formula !== undefined)) {
        const want = at(mine, w.row, w.col)?.v ?? null;
        const got = at(theirs, w.row, w.col)?.v ?? null;
        const same = want === got || ((want === '' || want === null) && (got === '' || got === null));
        if (!same) disagreements.push(`${b.sheet}!${toA1(w.row, w.col)} ${w.formula}: engine ${JSON.stringify(want)}, LibreOffice ${JSON.stringify(got)}`);
      }
    });
    expect(disagreements).toEqual([]);

    // The registry survives LibreOffice (names and rows), and the workbook checks clean by its specs.
    const reopened = await XlsxWorkbook.fromBuffer(recalculated);
    const registry = await reopened.readRegistry();
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    const result = checkWorkbook(await reopened.readSheets(), {}, undefined, registry);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.tables).toHaveLength(blocks.length);
  });
});
