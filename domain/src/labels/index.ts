/** Chinese labels of what the UI shows from the audit trail: actions, states, entities, detail fields. */
export * from './audit';
export * from './detail';
