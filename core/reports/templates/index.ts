/**
 * The report templates for the server: the registry (`registry.ts`, plain data the browser shares), each
 * template checked against the contract once, when the server loads it — a wrong data file fails at start.
 */
import { reportTemplate } from '../../contracts/report-template.js';
import { reportTemplateInputs } from './registry.js';

for (const input of reportTemplateInputs) reportTemplate.parse(input);

export { findTemplate, reportTemplates, reportTypesFor, templateFor } from './registry.js';
