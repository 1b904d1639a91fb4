export * from './errors';
export * from './ports';
export * from './runner';
export * from './memory-journal';
export * from './system-clock';
export * from './retry';
export { evaluateTemplate, evaluateExpr, resolveDeep, EXPRESSION_LIMITS } from './expressions';
export { checkTriggerInput } from './trigger-input';
export { triggerOutput, eventMatches, DocumentOutputSchema, WebhookOutputSchema, ScheduleOutputSchema } from './trigger-output';
