/**
 * Tests' table source: detection plus every relation kind (sums, rates, 증감, captions), whichever of them the
 * workbook check composes today, so fill is tested on the relations each inference proposes.
 */
import type { SheetGrid } from '../../grid/types';
import { checkOptionsSchema, type CheckOptionsInput } from '../../model/options';
import type { CheckResult } from '../../model/result';
import type { Relation, Table } from '../../model/table';
import { detectTables } from '../../detect';
import { inferSumRelations } from '../../relations/sums';
import { inferRateRelations } from '../../relations/rates';
import { inferDiffRelations } from '../../relations/diffs';
import { inferCaptionRelations } from '../../relations/captions';
import { checkWorkbook } from '../../check-workbook';

function relationKey(r: Relation): string {
  return JSON.stringify(r);
}

export function tablesWithAllRelations(sheets: SheetGrid[], input?: CheckOptionsInput): Pick<CheckResult, 'tables'> {
  const options = checkOptionsSchema.parse(input ?? {});
  const tables: Table[] = [];
  for (const sheet of sheets) {
    if (sheet.state === 'veryHidden') continue;
    for (const layout of detectTables(sheet)) {
      if (layout.kind === 'text') {
        tables.push({ ...layout, relations: [] });
        continue;
      }
      const all = [
        ...inferSumRelations(sheet, layout, options),
        ...inferRateRelations(sheet, layout, options),
        ...inferDiffRelations(sheet, layout, options),
        ...inferCaptionRelations(sheet, layout, options),
      ];
      const seen = new Set<string>();
      tables.push({ ...layout, relations: all.filter((r) => !seen.has(relationKey(r)) && seen.add(relationKey(r))) });
    }
  }
  return { tables };
}

/** checkWorkbook with every relation kind in its tables (a stand-in the CLI tests inject). */
export function checkWithAllRelations(...args: Parameters<typeof checkWorkbook>): ReturnType<typeof checkWorkbook> {
  const result = checkWorkbook(...args);
  const sheets = args[0];
  const full = tablesWithAllRelations(sheets, args[1]).tables;
  const byId = new Map(full.map((t) => [t.id, t]));
  return { ...result, tables: result.tables.map((t) => ({ ...t, relations: byId.get(t.id)?.relations ?? t.relations })) };
}
