/** The registry of every rule the 公文合规检查 runs, in family order. */
import type { RuleDef } from '../types';
import { crossFieldRules } from './crossfield';
import { formatRules } from './format';
import { jointRules } from './joint';
import { orgRules } from './org';
import { routeRules } from './route';
import { signRules } from './sign';

export const RULES: readonly RuleDef[] = [...routeRules, ...jointRules, ...orgRules, ...signRules, ...formatRules, ...crossFieldRules];

export { crossFieldRules, formatRules, jointRules, orgRules, routeRules, signRules };
