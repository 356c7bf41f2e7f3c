/**
 * One structural change to a workbook, as data (the port's type): the pane's template insert, adopt, report
 * import and summary each build one, and the Office and standalone targets apply it as one undo entry.
 */
export type { WorkbookChange, ChartRequest } from '../../port/workbook-change';
