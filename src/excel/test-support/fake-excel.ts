/**
 * A fake Excel for the Office.js adapter's tests and bench, built on office-addin-mock's OfficeMockObject.
 *
 * Office.js semantics it keeps, so the tests mean something:
 * - proxies are queued, nothing happens until `context.sync()`; every sync is counted and every call logged;
 * - a property can be read only after `load` + `sync`. OfficeMockObject on its own returns the string
 *   "Error, property was not loaded" where real Excel throws, so every read goes through a Proxy that throws
 *   (`PropertyNotLoaded`) on those strings: an adapter reading an unloaded property fails its test;
 * - loading a property the object model does not have fails (OfficeMockObject checks names);
 * - formulas are computed (HyperFormula stands in for Excel's calculation), strings are read as typed
 *   ("'19,000" stays text, "=A1" becomes a formula);
 * - refusals: cell-edit mode, protected sheets, missing sheets, hidden sheets, payload size, old API sets;
 * - structure: merge and unmerge, sheets deleted, charts added (with their data, title and categories), pointed at
 *   new data, deleted (defined names are in ./fake-names.ts).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { HyperFormula } from 'hyperformula';
import type { CellRange, SheetGrid } from '../../engine';
import { rangeFromA1, toA1 } from '../../engine';
import type { ExcelRun } from '../excel-workbook';

type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
type Scalar = number | string | boolean;

interface FakeCell {
  /** What was typed: a formula ('=…'), a constant, or an error constant ({error}). */
  input?: Scalar | { error: string };
  format?: string;
}

export interface FakeSheet {
  name: string;
  visibility: Visibility;
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  /** Charts on the sheet (only those the adapter adds in tests). */
  charts?: FakeChart[];
}

export interface FakeChart {
  name: string;
  type: string;
  source: CellRange;
  seriesBy: string;
  title?: string;
  categories?: CellRange;
}

export interface FakeExcelOptions {
  /** ExcelApi 1.13 present (merged areas readable). Default true. */
  mergedAreas?: boolean;
  /** Cells a single response may carry (values/formulas/formats/types); beyond it the sync fails as on the web. */
  maxResponseCells?: number;
}

const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/;
const NOT_LOADED = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);
const CELL_DATA = new Set(['values', 'formulas', 'numberFormat', 'valueTypes', 'text']);

export function richApiError(code: string, message = code): Error {
  const error = new Error(message) as Error & { code: string; debugInfo: { code: string; message: string } };
  error.name = 'RichApi.Error';
  error.code = code;
  error.debugInfo = { code, message };
  return error;
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rangeAddress(range: CellRange): string {
  const a = toA1(range.r0, range.c0);
  const b = toA1(range.r1, range.c1);
  return a === b ? a : `${a}:${b}`;
}

/** One queued change, applied in order at sync. */
type Operation =
  | { kind: 'set'; sheet: string; range: CellRange; property: 'values' | 'formulas' | 'numberFormat'; data: unknown[][] }
  | { kind: 'activate'; sheet: string }
  | { kind: 'add'; sheet: string }
  | { kind: 'visibility'; sheet: string; visibility: Visibility }
  | { kind: 'select'; sheet: string; range: CellRange }
  | { kind: 'merge'; sheet: string; range: CellRange }
  | { kind: 'unmerge'; sheet: string; range: CellRange }
  | { kind: 'delete'; sheet: string }
  | { kind: 'chart'; sheet: string; change: (charts: FakeChart[]) => void };

export class FakeExcel {
  sheets: FakeSheet[];
  activeSheet = 0;
  /** null: a chart or shape is selected. */
  selection: CellRange | null = { r0: 0, c0: 0, r1: 0, c1: 0 };
  /** Several areas selected with Ctrl: getSelectedRange is refused, getSelectedRanges lists them. */
  selectionAreas: CellRange[] | null = null;
  /** The user is typing in a cell: every request is refused. */
  editing = false;
  mergedAreas: boolean;
  maxResponseCells: number;
  syncCount = 0;
  /** Calls and loads in the order the adapter made them ("Worksheet(Sheet1).getUsedRangeOrNullObject(true)" …). */
  calls: string[] = [];
  /** Properties read ("Range.values" …), all of them loaded (an unloaded read throws instead). */
  reads: string[] = [];
  private failures: { code: string; remaining: number }[] = [];
  private failuresAt = new Map<number, string>();

  constructor(sheets: FakeSheet[], options: FakeExcelOptions = {}) {
    this.sheets = sheets;
    this.mergedAreas = options.mergedAreas ?? true;
    this.maxResponseCells = options.maxResponseCells ?? Infinity;
  }

  /** A workbook holding these grids: formulas become formulas (their cached values are recomputed). */
  static fromGrids(grids: SheetGrid[], options: FakeExcelOptions = {}): FakeExcel {
    const sheets = grids.map((g): FakeSheet => {
      const cells = new Map<string, FakeCell>();
      g.cells.forEach((line, r) =>
        line?.forEach((cell, c) => {
          if (!cell) return;
          const fake: FakeCell = {};
          if (cell.f !== undefined) fake.input = `=${cell.f}`;
          else if (cell.error !== undefined) fake.input = { error: cell.error };
          else if (cell.v !== null) fake.input = cell.v;
          if (cell.fmt !== undefined) fake.format = cell.fmt;
          if (fake.input !== undefined || fake.format !== undefined) cells.set(key(r, c), fake);
        }),
      );
      const visibility: Visibility = g.state === 'hidden' ? 'Hidden' : g.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
      return { name: g.name, visibility, protected: false, cells, merges: g.merges.map((m) => ({ ...m })) };
    });
    return new FakeExcel(sheets, options);
  }

  /** Make the next `times` syncs fail with this Excel error code. */
  failNextSync(code: string, times = 1): void {
    this.failures.push({ code, remaining: times });
  }

  readonly run: ExcelRun = async (batch) => batch(new FakeContext(this) as unknown as Excel.RequestContext);

  sheetNamed(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Make the sync with this 1-based number (counted over the workbook's life) fail with this code. */
  failOnSync(syncNumber: number, code: string): void {
    this.failuresAt.set(syncNumber, code);
  }

  takeFailure(): string | undefined {
    const at = this.failuresAt.get(this.syncCount);
    if (at) return at;
    const next = this.failures[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) this.failures.shift();
    return next.code;
  }

  apply(op: Operation): void {
    if (op.kind === 'add') {
      if (this.sheetNamed(op.sheet)) throw richApiError('ItemAlreadyExists', `a sheet named ${op.sheet} exists`);
      this.sheets.push({ name: op.sheet, visibility: 'Visible', protected: false, cells: new Map(), merges: [] });
      return;
    }
    const sheet = this.sheetNamed(op.sheet);
    if (!sheet) throw richApiError('ItemNotFound', `no sheet ${op.sheet}`);
    if (op.kind === 'visibility') {
      sheet.visibility = op.visibility;
      return;
    }
    if (op.kind === 'activate') {
      if (sheet.visibility !== 'Visible') throw richApiError('InvalidOperation', 'cannot activate a hidden sheet');
      this.activeSheet = this.sheets.indexOf(sheet);
      return;
    }
    if (op.kind === 'delete') {
      if (this.sheets.filter((x) => x !== sheet && x.visibility === 'Visible').length === 0) {
        throw richApiError('InvalidOperation', 'a workbook must keep at least one visible sheet');
      }
      const active = this.sheets[this.activeSheet];
      this.sheets = this.sheets.filter((x) => x !== sheet);
      this.activeSheet = active === sheet ? Math.max(0, this.sheets.findIndex((x) => x.visibility === 'Visible')) : this.sheets.indexOf(active);
      return;
    }
    if (op.kind === 'chart') {
      sheet.charts ??= [];
      op.change(sheet.charts);
      return;
    }
    if (op.kind === 'merge') {
      if (sheet.protected) throw richApiError('AccessDenied', 'the sheet is protected');
      const overlaps = (m: CellRange) => !(m.r1 < op.range.r0 || m.r0 > op.range.r1 || m.c1 < op.range.c0 || m.c0 > op.range.c1);
      // Excel merges over an overlapping area by taking it in; the adapter never asks for that, so refuse it loudly.
      if (sheet.merges.some(overlaps)) throw richApiError('InvalidOperation', 'the area overlaps a merged area');
      sheet.merges.push({ ...op.range });
      return;
    }
    if (op.kind === 'unmerge') {
      if (sheet.protected) throw richApiError('AccessDenied', 'the sheet is protected');
      // Every merged area inside the range comes apart; unmerging where nothing is merged does nothing.
      sheet.merges = sheet.merges.filter((m) => !(m.r0 >= op.range.r0 && m.c0 >= op.range.c0 && m.r1 <= op.range.r1 && m.c1 <= op.range.c1));
      return;
    }
    if (op.kind === 'select') {
      if (this.sheets[this.activeSheet] !== sheet) throw richApiError('InvalidOperation', 'select on an inactive sheet');
      this.selection = { ...op.range };
      return;
    }
    if (sheet.protected) throw richApiError('AccessDenied', 'the sheet is protected');
    const rows = op.range.r1 - op.range.r0 + 1;
    const cols = op.range.c1 - op.range.c0 + 1;
    if (op.data.length !== rows || op.data.some((line) => line.length !== cols)) {
      throw richApiError('InvalidArgument', `${op.property}: the array does not match the range size`);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const k = key(op.range.r0 + i, op.range.c0 + j);
        const cell: FakeCell = { ...(sheet.cells.get(k) ?? {}) };
        const x = op.data[i][j];
        if (op.property === 'numberFormat') cell.format = String(x);
        else {
          const typed = typedInput(x);
          if (typed === undefined) delete cell.input;
          else cell.input = typed;
        }
        if (cell.input === undefined && (cell.format === undefined || cell.format === 'General')) sheet.cells.delete(k);
        else sheet.cells.set(k, cell);
      }
    }
  }

  /** Smallest rectangle holding every cell with a value or formula (Excel's valuesOnly used range), or null. */
  usedRange(sheet: FakeSheet): CellRange | null {
    let out: CellRange | null = null;
    for (const [k, cell] of sheet.cells) {
      if (cell.input === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      if (!out) out = { r0: r, c0: c, r1: r, c1: c };
      else out = { r0: Math.min(out.r0, r), c0: Math.min(out.c0, c), r1: Math.max(out.r1, r), c1: Math.max(out.c1, c) };
    }
    return out;
  }

  /** Values as Excel computes them, for the current inputs. */
  calculator(): (sheet: FakeSheet, row: number, col: number) => { value: Scalar | ''; type: string } {
    const data: Record<string, (Scalar | null)[][]> = {};
    for (const sheet of this.sheets) {
      const rows: (Scalar | null)[][] = [];
      for (const [k, cell] of sheet.cells) {
        if (cell.input === undefined) continue;
        const [r, c] = k.split(',').map(Number);
        while (rows.length <= r) rows.push([]);
        const line = rows[r];
        while (line.length <= c) line.push(null);
        const input = cell.input;
        // HyperFormula reads a leading apostrophe as "text", like Excel; error constants are typed as such.
        line[c] = typeof input === 'object' ? input.error : typeof input === 'string' && !input.startsWith('=') ? `'${input}` : input;
      }
      data[sheet.name] = rows;
    }
    const hf = HyperFormula.buildFromSheets(data, { licenseKey: 'gpl-v3' });
    return (sheet, row, col) => {
      const id = hf.getSheetId(sheet.name)!;
      const v = hf.getCellValue({ sheet: id, row, col }) as unknown;
      if (v === null || v === undefined) return { value: '', type: 'Empty' };
      if (typeof v === 'object') return { value: String((v as { value: string }).value), type: 'Error' };
      if (typeof v === 'number') return { value: v, type: Number.isInteger(v) ? 'Double' : 'Double' };
      if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
      return { value: String(v), type: 'String' };
    };
  }
}

/** A value as Excel stores it when assigned to `values`/`formulas` (read as if typed). */
function typedInput(x: unknown): Scalar | { error: string } | undefined {
  if (x === null || x === undefined || x === '') return undefined;
  if (typeof x !== 'string') return x as Scalar;
  if (x.startsWith("'")) return x.slice(1);
  if (x.startsWith('=')) return x;
  // Typing an error literal gives the error value, as in Excel.
  if (ERROR_LITERAL.test(x)) return { error: x };
  if (/^[-+]?\d+(\.\d+)?$/.test(x.trim())) return Number(x);
  if (/^(true|false)$/i.test(x.trim())) return x.trim().toLowerCase() === 'true';
  return x;
}

/** Base of every fake proxy: records loads, builds an OfficeMockObject at sync, throws on unloaded reads. */
abstract class FakeObject {
  protected loads: string[] = [];
  private inner: OfficeMockObject | undefined;
  private nullState: boolean | undefined;
  readonly proxy: this;

  constructor(
    protected readonly ctx: FakeContext,
    readonly label: string,
    private readonly typeName: string,
  ) {
    this.proxy = new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop === 'symbol' || prop === 'then') return Reflect.get(target, prop, receiver);
        if (prop === 'isNullObject') {
          if (this.nullState === undefined) throw richApiError('PropertyNotLoaded', `${this.label}.isNullObject before sync`);
          return this.nullState;
        }
        if (prop in target && typeof (target as unknown as Record<string, unknown>)[prop] === 'function') {
          return (target as unknown as Record<string, (...args: unknown[]) => unknown>)[prop].bind(target);
        }
        const child = this.navigation(prop);
        if (child !== undefined) return child;
        if (this.dataProperties().includes(prop)) return this.read(prop);
        return Reflect.get(target, prop, receiver);
      },
      set: (_target, prop, value) => {
        if (typeof prop === 'string' && this.writable(prop)) {
          this.write(prop, value);
          return true;
        }
        throw new TypeError(`${this.label}.${String(prop)} cannot be set`);
      },
    });
  }

  /** Property names of the object model, all of which exist in the built OfficeMockObject. */
  protected abstract dataProperties(): string[];
  /** The object's data at sync time, or null for a null object. Only `loaded` heavy properties need real data. */
  protected abstract snapshot(loaded: Set<string>): Record<string, unknown> | null;
  protected navigation(_prop: string): unknown {
    return undefined;
  }
  protected writable(_prop: string): boolean {
    return false;
  }
  protected write(_prop: string, _value: unknown): void {}

  /** Whether this object answers isNullObject (the *OrNullObject results). */
  protected tracksNull = false;

  load(properties?: string | string[]): this {
    const list = properties === undefined ? ['*'] : Array.isArray(properties) ? properties : properties.split(',');
    for (const p of list.map((s) => s.trim()).filter(Boolean)) this.loads.push(p);
    this.ctx.log(`${this.label}.load(${list.join(',')})`);
    this.ctx.pending.add(this);
    return this.proxy;
  }

  /** Loads implied by a parent's load ('items/name' on a collection): recorded, not logged as a call. */
  preload(properties: string[]): void {
    this.loads.push(...properties);
  }

  /** Cells whose values this object's loads ask for (for the response size cap). */
  responseCells(): number {
    return 0;
  }

  /** Called at sync: fresh data, the recorded loads replayed on an OfficeMockObject, then its own sync. */
  async materialize(): Promise<void> {
    const loaded = new Set(this.loads.map((p) => p.split('/')[0]));
    const data = this.snapshot(loaded);
    if (this.tracksNull) this.nullState = data === null;
    if (data === null) {
      this.inner = new OfficeMockObject({});
      this.loads = [];
      return;
    }
    const inner = new OfficeMockObject(data as never);
    for (const p of this.loads) inner.load((p === "*" ? undefined : p) as string);
    await inner.sync();
    this.inner = inner;
    this.loads = [];
  }

  private read(prop: string): unknown {
    if (!this.inner) throw richApiError('PropertyNotLoaded', `${this.label}.${prop} read before load and sync`);
    const value = (this.inner as unknown as Record<string, unknown>)[prop];
    if (typeof value === 'string' && NOT_LOADED.has(value)) {
      throw richApiError('PropertyNotLoaded', `${this.label}.${prop} was not loaded (${value})`);
    }
    this.ctx.excel.reads.push(`${this.typeName}.${prop}`);
    return value;
  }
}

class FakeContext {
  readonly pending = new Set<FakeObject>();
  readonly operations: Operation[] = [];
  readonly workbook: { worksheets: unknown; getSelectedRange: () => unknown; getSelectedRanges: () => unknown };

  constructor(readonly excel: FakeExcel) {
    const collection = new FakeWorksheetCollection(this);
    this.workbook = {
      worksheets: collection.proxy,
      getSelectedRange: () => {
        this.log('Workbook.getSelectedRange()');
        return new FakeRange(this, 'SelectedRange', () => {
          if (!excel.selection || excel.selectionAreas) throw richApiError('InvalidSelection', 'the selection is not a single range');
          return { sheet: excel.sheets[excel.activeSheet], range: excel.selection };
        }).proxy;
      },
      getSelectedRanges: () => {
        this.log('Workbook.getSelectedRanges()');
        return new FakeRangeAreas(this, 'SelectedRanges', () => {
          const sheet = excel.sheets[excel.activeSheet];
          const areas = excel.selectionAreas ?? (excel.selection ? [excel.selection] : null);
          if (!areas) throw richApiError('InvalidSelection', 'the selection is not a range');
          return areas.map((a) => `${quoteSheet(sheet.name)}!${rangeAddress(a)}`).join(', ');
        }).proxy;
      },
    };
  }

  private calc: ReturnType<FakeExcel['calculator']> | undefined;

  log(call: string): void {
    this.excel.calls.push(call);
  }

  /** One recalculation per sync, after that sync's writes. */
  calculator(): ReturnType<FakeExcel['calculator']> {
    this.calc ??= this.excel.calculator();
    return this.calc;
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    excel.syncCount += 1;
    excel.calls.push('sync');
    const pending = [...this.pending];
    const operations = this.operations.splice(0);
    this.pending.clear();
    if (excel.editing) throw richApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode');
    const failure = excel.takeFailure();
    if (failure) throw richApiError(failure);
    // Excel batches are not transactional: operations before a failing one stay applied.
    for (const op of operations) excel.apply(op);
    this.calc = undefined;
    const cells = pending.reduce((n, o) => n + o.responseCells(), 0);
    if (cells > excel.maxResponseCells) {
      throw richApiError('ResponsePayloadSizeLimitExceeded', `response of ${cells} cells is over the limit`);
    }
    for (const o of pending) await o.materialize();
    // OfficeMockObject finishes its sync in queued callbacks: let them run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

class FakeWorksheetCollection extends FakeObject {
  private items: FakeWorksheet[] | undefined;

  constructor(ctx: FakeContext) {
    super(ctx, 'Worksheets', 'WorksheetCollection');
  }

  protected dataProperties(): string[] {
    return ['items'];
  }

  protected override navigation(prop: string): unknown {
    if (prop !== 'items') return undefined;
    if (!this.items) throw richApiError('PropertyNotLoaded', 'Worksheets.items read before load and sync');
    this.ctx.excel.reads.push('WorksheetCollection.items');
    return this.items.map((w) => w.proxy);
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  override load(properties?: string | string[]): this {
    super.load(properties);
    return this.proxy;
  }

  override async materialize(): Promise<void> {
    const itemLoads = this.loads.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    this.loads = [];
    this.items = this.ctx.excel.sheets.map((s) => {
      const w = new FakeWorksheet(this.ctx, s.name);
      w.preload(itemLoads);
      return w;
    });
    for (const w of this.items) await w.materialize();
  }

  getItemOrNullObject(name: string): unknown {
    this.ctx.log(`Worksheets.getItemOrNullObject(${name})`);
    const w = new FakeWorksheet(this.ctx, name, true);
    this.ctx.pending.add(w);
    return w.proxy;
  }

  getItem(name: string): unknown {
    this.ctx.log(`Worksheets.getItem(${name})`);
    return new FakeWorksheet(this.ctx, name).proxy;
  }

  /** Queued like any change: the sheet exists once the batch is synced (ranges on it may be written in the same batch). */
  add(name: string): unknown {
    this.ctx.log(`Worksheets.add(${name})`);
    this.ctx.operations.push({ kind: 'add', sheet: name });
    return new FakeWorksheet(this.ctx, name).proxy;
  }

  getActiveWorksheet(): unknown {
    this.ctx.log('Worksheets.getActiveWorksheet()');
    return new FakeWorksheet(this.ctx, this.ctx.excel.sheets[this.ctx.excel.activeSheet].name).proxy;
  }
}

class FakeProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx, `${sheet.label}.protection`, 'WorksheetProtection');
  }

  protected dataProperties(): string[] {
    return ['protected'];
  }

  protected snapshot(): Record<string, unknown> | null {
    const s = this.sheet.fake();
    // The pessimistic reading of Office.js: a navigation property of a missing sheet fails the request.
    if (!s) throw richApiError('ItemNotFound', `no sheet ${this.sheet.sheetName}`);
    return { protected: s.protected };
  }
}

class FakeWorksheet extends FakeObject {
  private protectionObject: FakeProtection | undefined;

  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    orNull = false,
  ) {
    super(ctx, `Worksheet(${sheetName})`, 'Worksheet');
    this.tracksNull = orNull;
  }

  fake(): FakeSheet | undefined {
    return this.ctx.excel.sheetNamed(this.sheetName);
  }

  private existing(): FakeSheet {
    const s = this.fake();
    if (!s) throw richApiError('ItemNotFound', `no sheet ${this.sheetName}`);
    return s;
  }

  protected dataProperties(): string[] {
    return ['name', 'visibility', 'position'];
  }

  protected override navigation(prop: string): unknown {
    if (prop === 'charts') return new FakeChartCollection(this.ctx, this).proxy;
    if (prop !== 'protection') return undefined;
    this.protectionObject ??= new FakeProtection(this.ctx, this);
    return this.protectionObject.proxy;
  }

  /** Whether this worksheet came from getItemOrNullObject (its children are null objects when it is missing). */
  isOrNull(): boolean {
    return this.tracksNull;
  }

  delete(): void {
    this.ctx.log(`${this.label}.delete()`);
    this.ctx.operations.push({ kind: 'delete', sheet: this.sheetName });
  }

  protected snapshot(): Record<string, unknown> | null {
    const s = this.fake();
    if (!s) {
      if (this.tracksNull) return null;
      throw richApiError('ItemNotFound', `no sheet ${this.sheetName}`);
    }
    return { name: s.name, visibility: s.visibility, position: this.ctx.excel.sheets.indexOf(s) };
  }

  protected override writable(prop: string): boolean {
    return prop === 'visibility';
  }

  protected override write(prop: string, value: unknown): void {
    this.ctx.log(`${this.label}.${prop} = ${JSON.stringify(value)}`);
    this.ctx.operations.push({ kind: 'visibility', sheet: this.sheetName, visibility: value as Visibility });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): unknown {
    this.ctx.log(`${this.label}.getUsedRangeOrNullObject(${valuesOnly ?? ''})`);
    const range = new FakeRange(this.ctx, `UsedRange(${this.sheetName})`, () => {
      // A null worksheet (getItemOrNullObject of a missing sheet) gives a null range, as Office.js does.
      if (this.tracksNull && !this.fake()) return null;
      const sheet = this.existing();
      const used = this.ctx.excel.usedRange(sheet);
      return used ? { sheet, range: used } : null;
    }, true);
    this.ctx.pending.add(range);
    return range.proxy;
  }

  getRange(address?: string): unknown {
    this.ctx.log(`${this.label}.getRange(${address ?? ''})`);
    const whole = { r0: 0, c0: 0, r1: 1048575, c1: 16383 };
    const parsed = address === undefined ? whole : rangeFromA1(address);
    if (!parsed) throw richApiError('InvalidArgument', `bad address ${address}`);
    return new FakeRange(this.ctx, `Range(${this.sheetName}!${address ?? '*'})`, () => ({ sheet: this.existing(), range: parsed }), false, {
      sheet: this.sheetName,
      range: parsed,
    }).proxy;
  }

  activate(): void {
    this.ctx.log(`${this.label}.activate()`);
    this.ctx.operations.push({ kind: 'activate', sheet: this.sheetName });
  }
}

type Target = { sheet: FakeSheet; range: CellRange } | null;

class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    label: string,
    private readonly resolve: () => Target,
    orNull = false,
    /** Where a plain getRange points: writes to it are resolved at sync (its sheet may be added in the same batch). */
    private readonly at?: { sheet: string; range: CellRange },
  ) {
    super(ctx, label, 'Range');
    this.tracksNull = orNull;
  }

  protected dataProperties(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes', 'text'];
  }

  override responseCells(): number {
    if (!this.loads.some((p) => CELL_DATA.has(p))) return 0;
    const target = this.resolve();
    if (!target) return 0;
    const r = target.range;
    return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
  }

  protected snapshot(loaded: Set<string>): Record<string, unknown> | null {
    const target = this.resolve();
    if (!target) return null;
    const { sheet, range } = target;
    const data: Record<string, unknown> = {
      address: `${quoteSheet(sheet.name)}!${rangeAddress(range)}`,
      rowIndex: range.r0,
      columnIndex: range.c0,
      rowCount: range.r1 - range.r0 + 1,
      columnCount: range.c1 - range.c0 + 1,
    };
    const heavy = [...loaded].filter((p) => CELL_DATA.has(p) || p === '*');
    for (const p of CELL_DATA) data[p] = [];
    if (heavy.length) {
      const calc = this.ctx.calculator();
      const grid = (f: (cell: FakeCell | undefined, r: number, c: number) => unknown) => {
        const out: unknown[][] = [];
        for (let r = range.r0; r <= range.r1; r++) {
          const line: unknown[] = [];
          for (let c = range.c0; c <= range.c1; c++) line.push(f(sheet.cells.get(key(r, c)), r, c));
          out.push(line);
        }
        return out;
      };
      data.values = grid((_cell, r, c) => calc(sheet, r, c).value);
      data.valueTypes = grid((_cell, r, c) => calc(sheet, r, c).type);
      data.text = grid((_cell, r, c) => String(calc(sheet, r, c).value));
      data.formulas = grid((cell, r, c) => {
        const input = cell?.input;
        if (typeof input === 'string' && input.startsWith('=')) return input;
        return calc(sheet, r, c).value;
      });
      data.numberFormat = grid((cell) => cell?.format ?? 'General');
    }
    return data;
  }

  protected override writable(prop: string): boolean {
    return prop === 'values' || prop === 'formulas' || prop === 'numberFormat';
  }

  protected override write(prop: string, value: unknown): void {
    this.ctx.log(`${this.label}.${prop} = ${JSON.stringify(value)}`);
    const target = this.at ? { sheet: { name: this.at.sheet }, range: this.at.range } : this.resolve();
    if (!target) throw richApiError('InvalidReference', 'write to a null range');
    this.ctx.operations.push({
      kind: 'set',
      sheet: target.sheet.name,
      range: target.range,
      property: prop as 'values' | 'formulas' | 'numberFormat',
      data: value as unknown[][],
    });
  }

  getMergedAreasOrNullObject(): unknown {
    this.ctx.log(`${this.label}.getMergedAreasOrNullObject()`);
    const excel = this.ctx.excel;
    if (!excel.mergedAreas) {
      // Old hosts have the method in office.js but Excel refuses it at sync.
      excel.failNextSync('ApiNotFound');
    }
    const areas = new FakeRangeAreas(this.ctx, `MergedAreas(${this.label})`, () => {
      const target = this.resolve();
      if (!target) return null;
      const inside = target.sheet.merges.filter(
        (m) => m.r0 >= target.range.r0 && m.c0 >= target.range.c0 && m.r1 <= target.range.r1 && m.c1 <= target.range.c1,
      );
      return inside.length ? inside.map((m) => `${quoteSheet(target.sheet.name)}!${rangeAddress(m)}`).join(', ') : null;
    });
    this.ctx.pending.add(areas);
    return areas.proxy;
  }

  merge(across?: boolean): void {
    this.ctx.log(`${this.label}.merge(${across ?? ''})`);
    if (!this.at) throw richApiError('InvalidOperation', 'merge on a computed range');
    this.ctx.operations.push({ kind: 'merge', sheet: this.at.sheet, range: this.at.range });
  }

  unmerge(): void {
    this.ctx.log(`${this.label}.unmerge()`);
    if (!this.at) throw richApiError('InvalidOperation', 'unmerge on a computed range');
    this.ctx.operations.push({ kind: 'unmerge', sheet: this.at.sheet, range: this.at.range });
  }

  /** Where this range points (a plain getRange), for the chart fakes. */
  where(): { sheet: string; range: CellRange } | undefined {
    return this.at;
  }

  select(): void {
    this.ctx.log(`${this.label}.select()`);
    const target = this.resolve();
    if (target) this.ctx.operations.push({ kind: 'select', sheet: target.sheet.name, range: target.range });
  }
}

class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    label: string,
    private readonly addressOf: () => string | null,
  ) {
    super(ctx, label, 'RangeAreas');
    this.tracksNull = true;
  }

  protected dataProperties(): string[] {
    return ['address', 'areaCount'];
  }

  protected snapshot(): Record<string, unknown> | null {
    const address = this.addressOf();
    return address === null ? null : { address, areaCount: address.split(', ').length };
  }
}

/** A sheet's charts: getItemOrNullObject(name) (null on a missing sheet of getItemOrNullObject), add. */
class FakeChartCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx, `${sheet.label}.charts`, 'ChartCollection');
  }

  protected dataProperties(): string[] {
    return [];
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  getItemOrNullObject(name: string): unknown {
    this.ctx.log(`${this.label}.getItemOrNullObject(${name})`);
    const chart = new FakeChartItem(this.ctx, this.sheet, name, true);
    this.ctx.pending.add(chart);
    return chart.proxy;
  }

  add(type: string, source: unknown, seriesBy: string): unknown {
    this.ctx.log(`${this.label}.add(${type}, ${seriesBy})`);
    const at = rangeOf(source);
    const chart: FakeChart = { name: `Chart ${Math.random().toString(36).slice(2, 8)}`, type, source: at.range, seriesBy };
    this.ctx.operations.push({ kind: 'chart', sheet: this.sheet.sheetName, change: (charts) => void charts.push(chart) });
    return chartHandle(this.ctx, this.sheet.sheetName, () => chart);
  }
}

function rangeOf(x: unknown): { sheet: string; range: CellRange } {
  const at = (x as { where?: () => { sheet: string; range: CellRange } | undefined }).where?.();
  if (!at) throw richApiError('InvalidArgument', 'a chart needs a plain range');
  return at;
}

/** The write-only side of a chart the adapter changes: name, title, data, categories, position, delete. */
function chartHandle(ctx: FakeContext, sheet: string, find: () => FakeChart | undefined): Record<string, unknown> {
  const change = (what: string, f: (chart: FakeChart, charts: FakeChart[]) => void) => {
    ctx.log(`Chart(${sheet}).${what}`);
    ctx.operations.push({
      kind: 'chart',
      sheet,
      change: (charts) => {
        const chart = find();
        if (!chart || !charts.includes(chart)) throw richApiError('ItemNotFound', 'no such chart');
        f(chart, charts);
      },
    });
  };
  return {
    set name(v: string) {
      change(`name = ${v}`, (c) => (c.name = v));
    },
    title: {
      set text(v: string) {
        change(`title = ${v}`, (c) => (c.title = v));
      },
    },
    axes: { categoryAxis: { setCategoryNames: (r: unknown) => change('setCategoryNames', (c) => (c.categories = rangeOf(r).range)) } },
    setPosition: () => change('setPosition', () => undefined),
    setData: (r: unknown, seriesBy: string) => change(`setData(${seriesBy})`, (c) => Object.assign(c, { source: rangeOf(r).range, seriesBy })),
    delete: () => change('delete', (c, charts) => charts.splice(charts.indexOf(c), 1)),
  };
}

class FakeChartItem extends FakeObject {
  private readonly handle: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly chartName: string,
    orNull: boolean,
  ) {
    super(ctx, `Chart(${sheet.sheetName}!${chartName})`, 'Chart');
    this.tracksNull = orNull;
    this.handle = chartHandle(ctx, sheet.sheetName, () => this.sheet.fake()?.charts?.find((c) => c.name === this.chartName));
  }

  protected dataProperties(): string[] {
    return ['name'];
  }

  protected override navigation(prop: string): unknown {
    return prop in this.handle && prop !== 'name' ? this.handle[prop] : undefined;
  }

  protected override writable(prop: string): boolean {
    return prop === 'name';
  }

  protected override write(_prop: string, value: unknown): void {
    this.handle.name = value;
  }

  protected snapshot(): Record<string, unknown> | null {
    const s = this.sheet.fake();
    if (!s) {
      if (this.sheet.isOrNull()) return null;
      throw richApiError('ItemNotFound', `no sheet ${this.sheet.sheetName}`);
    }
    const chart = s.charts?.find((c) => c.name === this.chartName);
    return chart ? { name: chart.name } : null;
  }
}
