/**
 * One cell of a CSV file Jalon writes. A spreadsheet opening the file runs a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula (CSV injection, OWASP): such a text is written with a leading
 * apostrophe, which spreadsheets show as text. The text is scrubbed as stored text is for every writer
 * (core/domain/accepted-text.ts), and quoted when it holds a quote, a separator or a line break.
 */
import { scrubText } from '../../core/domain/accepted-text.js';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = scrubText(typeof value === 'string' ? value : JSON.stringify(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
