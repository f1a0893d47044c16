/** 公文合规检查 — public surface of the pure rule engine. */
export * from './types';
export { parseCheckInput, formatPath, CheckInputSchema, type ParseResult } from './input';
export { buildContext, deriveDirection, addresseeOrgan } from './context';
export {
  checkDocument,
  checkJson,
  sortFindings,
  RULES,
  RULE_METADATA,
  SEVERITY_ORDER,
  type CheckResult,
  type CheckJsonResult,
  type RuleMeta,
} from './engine';
export { RELATION_LABELS, organRelation, createRelationIndex } from '../org/relation';
export {
  readDocument,
  checkText,
  toCheckOrgan,
  parseReaderOrgans,
  type ReaderOrgansResult,
  READ_FIELDS,
  READ_FIELD_LABELS,
  type ReadDocument,
  type ReadField,
  type ReadHeading,
  type ReadName,
  type ReadParts,
  type ReadResult,
  type ReaderOrgan,
  type TextCheckOutput,
  type TextCheckResult,
} from './reader';
export { printDocument, type PrintOptions } from './print-text';
