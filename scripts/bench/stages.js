'use strict';
/** Profiling aid, not part of npm run bench: node scripts/bench/stages.js [tables] prints each engine stage's median time. */
const { lib } = require('./lib-path');
const { generateWorkbook } = require('./generate');
const E = lib('engine/index.js');
const R = lib('engine/relations/index.js');
const C = lib('engine/checks/index.js');
const D = lib('engine/detect/index.js');
const n = +(process.argv[2] || 1000);
const g = generateWorkbook(n);
const N = 16;
const copies = Array.from({ length: N }, () => structuredClone(g.grids));
const opts = E.checkOptionsSchema ? E.checkOptionsSchema.parse({}) : {};
const acc = { detect: [], relations: [], checks: [], cross: [], whole: [] };
const now = () => process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  const sheets = copies[i];
  if (i % 2 === 0) { const t = now(); E.checkWorkbook(sheets); acc.whole.push(Number(now() - t) / 1e6); continue; }
  let t = now(); const layouts = sheets.map((s) => D.detectTables(s)); acc.detect.push(Number(now() - t) / 1e6);
  t = now(); const tables = []; sheets.forEach((s, k) => layouts[k].forEach((l) => tables.push([s, { ...l, relations: R.inferRelations(s, l, opts) }]))); acc.relations.push(Number(now() - t) / 1e6);
  t = now(); for (const [s, tb] of tables) C.checkTable(s, tb, opts); acc.checks.push(Number(now() - t) / 1e6);
  t = now(); C.checkTables(tables.map((x) => x[1])); acc.cross.push(Number(now() - t) / 1e6);
}
const med = (xs) => { const s = xs.slice(4).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [k, v] of Object.entries(acc)) console.log(k.padEnd(10), med(v).toFixed(1), 'ms');
