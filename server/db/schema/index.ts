export * from './programmes.js';
export * from './frameworks.js';
