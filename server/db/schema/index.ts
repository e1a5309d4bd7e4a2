export * from './programmes.js';
export * from './frameworks.js';
export * from './reports.js';
export * from './auth.js';
export * from './geography.js';
export * from './activities.js';
export * from './finance.js';
export * from './report-workflow.js';
