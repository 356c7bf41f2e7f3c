/** The label vocabulary shared by detection, relations and checks. */
export { labelKey, normalizeLabel } from './normalize';
export { memoByString } from './memo';
export {
  isDiffLabel,
  isRateLabel,
  isRemarkLabel,
  isTotalLabel,
  labelTotal,
  totalLabelKind,
  type TotalLabelKind,
} from './totals';
export { parseYearLabel } from './years';
export {
  captionFacts,
  captionTitle,
  classifyCaption,
  cleanCaption,
  hasHeadingMark,
  hasNoteMark,
  isBulletLine,
  isUnitOrBasisLine,
  parseUnit,
  parseUnits,
  primaryUnit,
  stripCaptionMark,
  unitsOf,
  type CaptionFacts,
} from './captions';
