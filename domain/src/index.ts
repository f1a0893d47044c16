export * from './calendar/workdays';
export * from './kernel/lifecycle';
export * from './kernel/roles';
export * from './lifecycles/index';
export * from './format';
export * from './activities/index';
export * as api from './api/index';
