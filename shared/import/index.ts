// Reading existing data in (issue #16): Excel and Word tables — the product's own forms and any other table by its
// headers — and pasted rows, into an exchange document for the same validated, all-or-nothing import as packages.
export { importFile, importRows, issuesOf, PROGRESS_TOTAL } from './import-file';
export type { ImportOptions, ImportReport, ImportResult, TableSummary } from './import-file';
export { recogniseColumns, rowsToIndicators, fieldsOfHeader, hasIndicators, targetOf, splitContent, mappingKey, withChosenFields } from './columns';
export type { ChosenMappings, ColumnMapping, TableColumns, Field, IndicatorDraft, IndicatorField, ImportIssue, IssueLevel, MoneyField, ProjectField } from './columns';
export { resolveLevels } from './levels';
export { parseCoded, looksCoded } from './coded';
export { MAX_FILE_BYTES, MAX_FILE_MIB } from './file-kind';
export { adoptLocalIds } from './local-ids';
export type { LocalRecords } from './local-ids';
export { pastedRows } from './pasted';
