export * from './common';
export * from './auth';
export * from './org';
export * from './matters';
export * from './inbox';
export * from './audit';
export * from './activities';
