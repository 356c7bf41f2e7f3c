import type { Finding } from '../../engine';

/** A reviewer's decision that a finding is fine as it stands, with why. */
export interface Acceptance {
  rule: string;
  sheet: string;
  cell: string;
  /** The figure the finding was about when accepted: if it changes, the finding opens again. */
  actual: number | string | null;
  note: string;
  /** ISO time of the decision. */
  acceptedAt: string;
}

/** Acceptances by `acceptanceKey`. */
export type AcceptanceMap = Record<string, Acceptance>;

/** Where acceptances live: the workbook's document settings in Excel, the browser in standalone mode. */
export interface AcceptanceStore {
  load(): Promise<AcceptanceMap>;
  save(map: AcceptanceMap): Promise<void>;
}

/** Rule + sheet + cell + the figure found: a changed figure is a new question, so it gets a new key. */
export function acceptanceKey(f: { rule: string; sheet: string; cell: string; actual?: Finding['actual'] }): string {
  return JSON.stringify([f.rule, f.sheet, f.cell, f.actual ?? null]);
}

export function acceptanceFor(finding: Finding, note: string, now: Date = new Date()): Acceptance {
  return {
    rule: finding.rule,
    sheet: finding.sheet,
    cell: finding.cell,
    actual: finding.actual ?? null,
    note: note.trim(),
    acceptedAt: now.toISOString(),
  };
}

/** Keeps only well-formed entries: settings and localStorage are user-editable, so never trust their shape. */
export function sanitizeAcceptances(raw: unknown): AcceptanceMap {
  const out: AcceptanceMap = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    const actual = v.actual;
    if (
      typeof v.rule === 'string' &&
      typeof v.sheet === 'string' &&
      typeof v.cell === 'string' &&
      (actual === null || typeof actual === 'number' || typeof actual === 'string')
    ) {
      const entry: Acceptance = {
        rule: v.rule,
        sheet: v.sheet,
        cell: v.cell,
        actual,
        note: typeof v.note === 'string' ? v.note : '',
        acceptedAt: typeof v.acceptedAt === 'string' ? v.acceptedAt : '',
      };
      // Re-derive the key so an edited entry cannot silence a different finding.
      if (acceptanceKey(entry) === key) out[key] = entry;
    }
  }
  return out;
}

/** In memory only: the fallback when nothing better is available (private browsing, tests). */
export function memoryAcceptanceStore(initial: AcceptanceMap = {}): AcceptanceStore {
  let current = { ...initial };
  return {
    load: async () => ({ ...current }),
    save: async (map) => {
      current = { ...map };
    },
  };
}

export const ACCEPTANCE_SETTING = 'reportTables.acceptedFindings';

/** The slice of Office.context.document.settings the store uses. */
export interface DocumentSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

/**
 * Office mode: the workbook's own document settings, so acceptances travel with the file to the next
 * reviewer and survive resubmission. saveAsync persists them into the document.
 */
export function documentSettingsAcceptanceStore(settings: DocumentSettingsLike): AcceptanceStore {
  return {
    load: async () => sanitizeAcceptances(settings.get(ACCEPTANCE_SETTING)),
    save: (map) =>
      new Promise<void>((resolve, reject) => {
        settings.set(ACCEPTANCE_SETTING, map);
        settings.saveAsync((result) => {
          if (String(result.status).toLowerCase() === 'failed') {
            reject(new Error(result.error?.message ?? 'settings.saveAsync failed'));
          } else {
            resolve();
          }
        });
      }),
  };
}

/** The slice of window.localStorage the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Standalone mode: there is no workbook to write to, so acceptances are kept in the browser per file name.
 * If storage is unavailable or full, keeps working in memory rather than failing the reviewer.
 */
export function browserAcceptanceStore(storage: StorageLike | null | undefined, fileName: string): AcceptanceStore {
  const key = `reportTables.accepted:${fileName}`;
  const memory = memoryAcceptanceStore();
  return {
    load: async () => {
      try {
        const text = storage?.getItem(key);
        if (text) return sanitizeAcceptances(JSON.parse(text));
      } catch {
        // Corrupt or blocked storage: fall through to memory.
      }
      return memory.load();
    },
    save: async (map) => {
      await memory.save(map);
      try {
        storage?.setItem(key, JSON.stringify(map));
      } catch {
        // Quota or privacy mode: the in-memory copy still holds for this session.
      }
    },
  };
}
