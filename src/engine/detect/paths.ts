/**
 * Label paths shared between the rows and columns that have the same labels. A table keeps a path per column and
 * per row, and the same paths (['계'], ['구비'], ['연차별 소요재원', '2020년']) come back in table after table:
 * each distinct path is made once and handed out again. Callers gather a path's labels in a scratch list and look
 * it up here, so nothing is allocated for a path seen before.
 *
 * The arrays handed out are shared: nobody may change them (no consumer of TableLayout paths does).
 */

/** One path in a tree keyed by label, level by level, so no key string is built per lookup. */
export interface PathNode {
  /** The path's labels, outermost first; made when first asked for. */
  path: string[] | undefined;
  /** labelKey of the labels joined, for a column path (see columnKey); filled by the first caller that needs it. */
  key: string | undefined;
  /** Whether the key names a serial-number column (see layout.ts); filled by the first caller that needs it. */
  serial: boolean | undefined;
  next: Map<string, PathNode> | undefined;
}

/** Distinct paths kept before the tree starts afresh (a workbook has a few hundred). */
const MAX_NODES = 20000;

let root: PathNode = { path: undefined, key: undefined, serial: undefined, next: undefined };
let nodes = 0;

/** The node of the path labels[0 … count - 1]. */
export function pathNode(labels: readonly string[], count: number): PathNode {
  if (nodes >= MAX_NODES) {
    root = { path: undefined, key: undefined, serial: undefined, next: undefined };
    nodes = 0;
  }
  let node = root;
  for (let i = 0; i < count; i++) {
    const label = labels[i];
    let next = node.next;
    if (next === undefined) {
      next = new Map();
      node.next = next;
    }
    let child = next.get(label);
    if (child === undefined) {
      child = { path: undefined, key: undefined, serial: undefined, next: undefined };
      next.set(label, child);
      nodes++;
    }
    node = child;
  }
  if (node.path === undefined) node.path = labels.slice(0, count);
  return node;
}

/** The shared path labels[0 … count - 1]. */
export function sharedPath(labels: readonly string[], count: number): string[] {
  return pathNode(labels, count).path as string[];
}
