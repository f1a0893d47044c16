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
