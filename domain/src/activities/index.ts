export * from './types';
export * from './lifecycle';
export * from './rules';
export * from './conflicts';
export * from './recommend';
export * from './reminders';
