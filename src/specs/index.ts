/** Table kinds as data: the spec schema (zod), where a spec's cells land, and one builder per kind. */
export {
  SPEC_AMOUNT_FORMAT,
  SPEC_RATE_FORMAT,
  labelNodeSchema,
  labelPathSchema,
  relationSpecSchema,
  tableSpecSchema,
  parseTableSpec,
  leafPaths,
  sameLabel,
  samePath,
  circledNumbers,
  ownMark,
  type LabelNode,
  type LabelPath,
  type RelationSpec,
  type TableSpec,
  type TableSpecInput,
  type SpecKind,
  type SpecProblem,
  type SpecParse,
  type SpecProblemCode,
  type SpecProblemParams,
  SPEC_PROBLEM_CODES,
  MONEY_KINDS,
} from './schema';
export { specGeometry, resolveRelations, captionSpecs, captionText, captionCell, rateTargets, unitLine, type SpecGeometry } from './layout';
export * from './kinds';
