export * from './programmes.js';
export * from './frameworks.js';
export * from './reports.js';
export * from './auth.js';
