/** The bureau summary sheet: every budget table of the workbook, live, with totals by year. */
export { buildBudgetSummary, SUMMARY_SHEET, type BudgetSummary } from './budget-summary';
