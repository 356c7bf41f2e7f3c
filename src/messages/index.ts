/** User-facing text, Korean and English, made at the edge from data (findings, read problems). */
export { LANGS, type Lang } from './lang';
export { formatFinding, ruleTitle, RULE_TITLES } from './finding-messages';
export { readProblemMessage, readProblemReason, type ReadProblemLike } from './read-problem-messages';
export { figure, shown } from './figures';
export { fillSkipMessage, type FillSkipLike, type InputText } from './fill-skip-messages';
export { specProblemMessage, specProblemsMessage, specPlace, type SpecProblemLike } from './spec-problem-messages';
