/**
 * What the pane's structured-sheet features need from outside React, behind one interface so tests hand in
 * fakes: a workbook target (Excel's open workbook, or the standalone page's file) and the kit, loaded lazily.
 */
import { createContext, useContext } from 'react';
import type { CellRange, SheetGrid } from '../../engine/grid/types';
import type { TableLayout, Table } from '../../engine/model/table';
import type { RegistryEntry, RegistryRead } from '../../engine/registry';
import type { SpecProblemLike } from '../../messages/spec-problem-messages';
import type { SpecKind } from '../../specs';
import type { KindPreview, PlanRefusal, ReportPreview, StructuredKit, YearSpan } from './structured-kit';
import type { WorkbookChange } from './workbook-change';

/** Where changes land: each applied as one entry of the workbook's undo log (cells and structure). */
export interface StructureTarget {
  readSheets(): Promise<SheetGrid[]>;
  /** The registry with each range as its RT_ name now holds it (rows inserted above move it), where the adapter reads names. */
  readRegistry?(): Promise<RegistryRead>;
  /** The selection's sheet and top-left cell, or null (a file). */
  selection(): Promise<{ sheet: string; at: { row: number; col: number } } | null>;
  apply(change: WorkbookChange, label: string): Promise<void>;
  /** Whether the workbook takes native charts (Excel; exceljs draws none): the summary's chart then rides in its change. */
  charts?: boolean;
  /** The summary chart's name (a refresh points the same chart at the new rows). */
  summaryChart?: string;
  /** Standalone: the changed workbook as a file to download (and to check again). */
  savedFile?(): Promise<File | null>;
}

export type StructuredOutcome =
  | { ok: true; tables: { sheet: string; range: string; id: string }[]; file?: File | null; chart?: boolean }
  | { ok: false; reason: PlanRefusal | 'no-selection' | 'failed'; detail?: string; problems?: SpecProblemLike[] };

export interface StructuredServices {
  mode: 'office' | 'standalone';
  gallery(years: YearSpan): Promise<KindPreview[]>;
  insertTemplate(request: { kind: SpecKind; years: YearSpan; team: string; title?: string; where: 'selection' | 'team-sheet' }): Promise<StructuredOutcome>;
  listTables(): Promise<RegistryEntry[]>;
  adopt(request: { table: Table; notTotalRows: number[]; notPartColumns: number[]; unit?: string }): Promise<StructuredOutcome>;
  previewReport(text: string): Promise<ReportPreview>;
  importReport(text: string): Promise<StructuredOutcome>;
  /** HTML and TSV of a table for the clipboard, or null when its sheet is gone. */
  tableForClipboard(sheet: string, range: CellRange, table?: TableLayout): Promise<{ html: string; text: string } | null>;
  /** Build or refresh the bureau summary sheet (and, in Excel, its chart). */
  buildSummary(): Promise<StructuredOutcome>;
  /** Standalone: remember the file the pane opened (name and bytes), so changes go into it. */
  rememberFile?(file: { name: string; data: ArrayBuffer } | null): void;
}

/** The summary chart's name when the target does not give one. */
const SUMMARY_CHART_NAME = 'RT_summary_chart';

function failure(error: unknown): StructuredOutcome {
  const problem = (error as { problem?: { message?: { ko?: string; en?: string } } } | null)?.problem;
  const detail = problem?.message?.ko ?? (error instanceof Error ? error.message : String(error));
  return { ok: false, reason: 'failed', detail };
}

/** The services over a target and a kit loader; `now` is the registry rows' clock. */
export function structuredServices(
  mode: 'office' | 'standalone',
  target: StructureTarget,
  loadKit: () => Promise<StructuredKit>,
  now: () => string = () => new Date().toISOString(),
): StructuredServices {
  let pending: Promise<StructuredKit> | null = null;
  const kit = () => {
    pending ??= loadKit().catch((e: unknown) => {
      pending = null;
      throw e;
    });
    return pending;
  };
  const commit = async (planned: Awaited<ReturnType<StructuredKit['planTemplateInsert']>>, label: string): Promise<StructuredOutcome> => {
    if (!planned.ok) return planned;
    try {
      await target.apply(planned.change, label);
      return { ok: true, tables: planned.summary, file: target.savedFile ? await target.savedFile() : undefined };
    } catch (e) {
      return failure(e);
    }
  };
  return {
    mode,
    gallery: async (years) => (await kit()).galleryKinds(years),
    insertTemplate: async ({ where, ...rest }) => {
      const k = await kit();
      try {
        let place: Parameters<StructuredKit['planTemplateInsert']>[1]['where'] = { kind: 'team-sheet' };
        if (where === 'selection') {
          const selection = await target.selection();
          if (!selection) return { ok: false, reason: 'no-selection' };
          place = { kind: 'selection', ...selection };
        }
        const sheets = await target.readSheets();
        return await commit(k.planTemplateInsert(sheets, { ...rest, where: place, now: now() }), 'template');
      } catch (e) {
        return failure(e);
      }
    },
    listTables: async () => (target.readRegistry ? (await target.readRegistry()).entries : (await kit()).structuredTables(await target.readSheets())),
    adopt: async (request) => {
      const k = await kit();
      try {
        return await commit(k.planAdopt(await target.readSheets(), { ...request, now: now() }), 'adopt');
      } catch (e) {
        return failure(e);
      }
    },
    previewReport: async (text) => (await kit()).previewReport(await target.readSheets(), text),
    importReport: async (text) => {
      const k = await kit();
      try {
        return await commit(k.planReportImport(await target.readSheets(), text, now()), 'import');
      } catch (e) {
        return failure(e);
      }
    },
    tableForClipboard: async (sheet, range, table) => (await kit()).tableForClipboard(await target.readSheets(), sheet, range, table),
    buildSummary: async () => {
      const k = await kit();
      try {
        const planned = k.planSummary(await target.readSheets());
        if (!planned) return { ok: false, reason: 'no-budget-tables' };
        const c = target.charts ? planned.chart : null;
        // The chart is part of the same change, so one undo takes back the sheet and its chart together.
        const change = c
          ? { ...planned.change, chart: { sheet: c.sheet, range: c.range, categories: c.categories, name: target.summaryChart ?? SUMMARY_CHART_NAME, title: '연도별 합계', seriesBy: 'Rows' as const } }
          : planned.change;
        await target.apply(change, 'summary');
        const chart = Boolean(c);
        const file = target.savedFile ? await target.savedFile() : undefined;
        return { ok: true, tables: [], chart, file };
      } catch (e) {
        return failure(e);
      }
    },
  };
}

const StructuredServicesContext = createContext<StructuredServices | null>(null);
export const StructuredServicesProvider = StructuredServicesContext.Provider;

/** Null where no provider gives them (the structured features then stay hidden). */
export function useStructuredServices(): StructuredServices | null {
  return useContext(StructuredServicesContext);
}
