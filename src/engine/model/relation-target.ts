import type { CellRef } from '../grid/types';
import type { Relation } from './table';

/** The cell a relation derives: a sum's total, a rate's or 증감's target, a caption's own line. */
export function relationTarget(rel: Relation): CellRef {
  switch (rel.type) {
    case 'sum':
      return rel.total;
    case 'caption':
      return rel.caption;
    default:
      return rel.target;
  }
}
