/**
 * Workbook-scoped defined names for the shared fake Excel (which has none): `context.workbook.names` with
 * load('items/name,items/formula'), add, getItem(…).delete() and getItemOrNullObject, keeping the Office.js rules
 * the registry relies on — changes happen at `sync()`, items cannot be read before a load and a sync, a name that
 * already exists cannot be added again.
 */
import type { ExcelRun } from '../excel-workbook';
import { richApiError, type FakeExcel } from './fake-excel';

/** name → reference without '=' ("'Sheet'!$B$5:$G$9", or '#REF!' for a name whose range was deleted). */
export type FakeNameTable = Map<string, string>;

export function runWithNames(excel: FakeExcel, names: FakeNameTable): ExcelRun {
  return (batch) =>
    excel.run(async (context) => {
      const queue: (() => void)[] = [];
      const afterSync: (() => void)[] = [];
      let items: { name: string; formula: string }[] | undefined;
      const item = (name: string, orNull: boolean) => {
        let state: { exists: boolean } | undefined;
        const obj = {
          load: () => {
            afterSync.push(() => (state = { exists: names.has(name) }));
            return obj;
          },
          get isNullObject() {
            if (!orNull || !state) throw richApiError('PropertyNotLoaded', `NamedItem(${name}).isNullObject before sync`);
            return !state.exists;
          },
          get name() {
            if (!state) throw richApiError('PropertyNotLoaded', `NamedItem(${name}).name before sync`);
            return name;
          },
          delete: () => {
            excel.calls.push(`Names.getItem(${name}).delete()`);
            queue.push(() => {
              if (!names.delete(name)) throw richApiError('ItemNotFound', `no name ${name}`);
            });
          },
        };
        return obj;
      };
      const collection = {
        load: (props?: string) => {
          excel.calls.push(`Names.load(${props ?? ''})`);
          afterSync.push(() => (items = [...names].map(([name, ref]) => ({ name, formula: `=${ref}` }))));
          return collection;
        },
        get items() {
          if (!items) throw richApiError('PropertyNotLoaded', 'Names.items read before load and sync');
          return items;
        },
        add: (name: string, reference: string) => {
          excel.calls.push(`Names.add(${name}, ${reference})`);
          queue.push(() => {
            if (names.has(name)) throw richApiError('ItemAlreadyExists', `a name ${name} exists`);
            names.set(name, reference.replace(/^=/, ''));
          });
        },
        getItem: (name: string) => item(name, false),
        getItemOrNullObject: (name: string) => item(name, true),
      };
      const workbook = new Proxy(context.workbook, { get: (target, prop, receiver) => (prop === 'names' ? collection : Reflect.get(target, prop, receiver)) });
      const wrapped = new Proxy(context, {
        get: (target, prop, receiver) => {
          if (prop === 'workbook') return workbook;
          if (prop === 'sync') {
            return async () => {
              // Cells first (the shared fake's queue), then names, as one request.
              await target.sync();
              for (const change of queue.splice(0)) change();
              for (const load of afterSync.splice(0)) load();
            };
          }
          return Reflect.get(target, prop, receiver);
        },
      });
      return batch(wrapped);
    });
}
