/**
 * Expenditure: money spent per budget line and period, entered one by one or imported from a workbook — all or
 * nothing, every wrong row named with its cell. A focal point records expenses for their own agency's lines.
 */
import type {
  Expenditure,
  ExpenditureCreate,
  ExpenditurePatch,
  MoneyInput,
} from '../../../core/contracts/finance.js';
import { toUsd } from '../../../core/finance/money-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { localize } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import type { ErrorIssue } from '../../../core/errors/error-codes.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { assertDatesOpen } from '../periods/period-locks.js';
import { canActForAgency } from '../auth/policy.js';
import { isUniqueViolation } from '../frameworks/frameworks.service.js';
import { linesOf, spentByLine } from './budget.queries.js';
import {
  deleteExpenditureById,
  findExpenditures,
  findExpendituresOfLines,
  findExpenditureWithLine,
  findLineRefs,
  insertExpenditure,
  updateExpenditureAt,
  upsertExpenditures,
  type ExpenditureImportRow,
  type ExpenditureRow,
} from './expenditure.queries.js';
import { labelOf, lineTotal } from './budget.presenter.js';
import { organisationsById, programmeOr404, todayOf } from './finance-context.js';
import { Issues, say } from './finance-messages.js';
import {
  columnTitle,
  readDate,
  readExpenditureWorkbook,
  writeExpenditureTemplate,
  type ExpenditureColumn,
} from './expenditure-workbook.js';

function present(row: ExpenditureRow, code: string): Expenditure {
  return {
    id: row.id,
    line: { id: row.budgetLineId, code },
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    amount: row.amountUsd,
    originalAmount: row.originalAmount,
    originalCurrency: row.originalCurrency,
    exchangeRate: row.exchangeRate,
    note: row.note,
    provenance: row.provenance,
    version: row.version,
  };
}

/** The expenses of a programme (optionally of one line, or of periods ending between two dates). */
export async function listExpenditures(
  ctx: ServiceContext,
  slug: string,
  query: { line?: string; from?: string; to?: string },
): Promise<Expenditure[]> {
  const programme = await programmeOr404(ctx.db, slug);
  const rows = await findExpenditures(ctx.db, programme.id, query);
  return rows.map((r) => present(r.e, r.code));
}

interface LineRef {
  id: string;
  code: string;
  agencyId: string | null;
}

async function linesByCode(db: DbOrTx, programmeId: string): Promise<Map<string, LineRef>> {
  const rows = await findLineRefs(db, programmeId);
  return new Map(rows.map((r) => [r.code, r]));
}

/** A focal point records expenses of their own agency's lines only; coordinators, admins and the CLI of any line. */
const mayRecord = (ctx: ServiceContext, programmeId: string, line: LineRef): boolean =>
  canActForAgency(ctx.actor, programmeId, line.agencyId ?? '');

interface MoneyFields {
  amount: MoneyInput | null;
  currency?: string | null;
  exchangeRate?: MoneyInput | null;
}

function readMoney(issues: Issues, path: (field: string) => string, input: MoneyFields) {
  const amount = issues.amount(path('amount'), input.amount);
  if (amount === null) issues.add(path('amount'), 'required');
  const currency = issues.currency(path('currency'), input.currency);
  const rate = issues.rate(path('exchangeRate'), currency, input.exchangeRate);
  if (amount === undefined || amount === null || currency === undefined || rate === undefined)
    return undefined;
  return {
    amountUsd: toUsd(amount, currency, rate),
    originalAmount: currency === 'USD' ? null : amount,
    originalCurrency: currency === 'USD' ? null : currency,
    exchangeRate: rate,
  };
}

const duplicatePeriod = (ctx: ServiceContext, code: string) =>
  new AppError('conflict', `Line ${code} already has an expense for this period`, {
    issues: [
      { path: 'body.periodStart', message: say(ctx.locale, 'duplicate_period', { line: code, first: '—' }) },
    ],
  });

/** Records an expense of a budget line over a period. */
export async function createExpenditure(
  ctx: ServiceContext,
  slug: string,
  input: ExpenditureCreate,
): Promise<Expenditure> {
  const programme = await programmeOr404(ctx.db, slug);
  const lines = await linesByCode(ctx.db, programme.id);
  const issues = new Issues(ctx.locale);
  const line = lines.get(input.line);
  if (!line) issues.add('body.line', 'unknown_line', { code: input.line });
  if (input.periodEnd < input.periodStart) issues.add('body.periodEnd', 'end_before_start');
  const money = readMoney(issues, (f) => `body.${f}`, input);
  issues.throwIfAny('Invalid expense');
  if (!mayRecord(ctx, programme.id, line!))
    throw new AppError('forbidden', say(ctx.locale, 'agency_not_yours', { line: line!.code }));
  // an expense is dated by its period's end, as an indicator value is: a closed period's accounts stay closed
  await assertDatesOpen(ctx.db, programme.id, [input.periodEnd], ctx.locale, 'body.periodEnd');
  try {
    const row = await insertExpenditure(ctx.db, {
      budgetLineId: line!.id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      ...money!,
      note: input.note ?? null,
      provenance: 'entered',
    });
    return present(row, line!.code);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePeriod(ctx, line!.code);
    throw error;
  }
}

async function expenditureOr404(db: DbOrTx, id: string) {
  const row = await findExpenditureWithLine(db, id);
  if (!row) throw notFound('Expenditure', id);
  return row;
}

/** Changes an expense (send the version you read: 409 with the current one if it changed since). */
export async function updateExpenditure(
  ctx: ServiceContext,
  id: string,
  patch: ExpenditurePatch,
): Promise<Expenditure> {
  const { e, line } = await expenditureOr404(ctx.db, id);
  if (!mayRecord(ctx, line.programmeId, line))
    throw new AppError('forbidden', say(ctx.locale, 'agency_not_yours', { line: line.code }));
  const issues = new Issues(ctx.locale);
  const start = patch.periodStart ?? e.periodStart;
  const end = patch.periodEnd ?? e.periodEnd;
  if (end < start) issues.add('body.periodEnd', 'end_before_start');
  const moneyChanged =
    patch.amount !== undefined || patch.currency !== undefined || patch.exchangeRate !== undefined;
  const money = moneyChanged
    ? readMoney(issues, (f) => `body.${f}`, {
        amount: patch.amount ?? e.originalAmount ?? e.amountUsd,
        currency: patch.currency ?? e.originalCurrency ?? 'USD',
        exchangeRate: patch.exchangeRate === undefined ? e.exchangeRate : patch.exchangeRate,
      })
    : undefined;
  issues.throwIfAny('Invalid expense');
  await assertDatesOpen(ctx.db, line.programmeId, [e.periodEnd, end], ctx.locale, 'body.periodEnd');
  try {
    const row = await updateExpenditureAt(ctx.db, id, patch.version, {
      periodStart: start,
      periodEnd: end,
      ...(money ?? {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      provenance: 'entered',
      updatedAt: ctx.now(),
    });
    if (!row) throw versionConflict(present((await expenditureOr404(ctx.db, id)).e, line.code));
    return present(row, line.code);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicatePeriod(ctx, line.code);
    throw error;
  }
}

/** Deletes an expense. */
export async function deleteExpenditure(ctx: ServiceContext, id: string): Promise<void> {
  const { e, line } = await expenditureOr404(ctx.db, id);
  if (!mayRecord(ctx, line.programmeId, line))
    throw new AppError('forbidden', say(ctx.locale, 'agency_not_yours', { line: line.code }));
  await assertDatesOpen(ctx.db, line.programmeId, [e.periodEnd], ctx.locale, 'params.id');
  await deleteExpenditureById(ctx.db, id);
}

type ImportRow = ExpenditureImportRow;

/** A wrong cell of an expenditure workbook: its place, and the sentence with and without the place. */
export interface ExpenditureIssue {
  row: number;
  /** the column's letter and title: `D (Montant)` */
  column: string;
  field: ExpenditureColumn;
  message: string;
  /** as the historical route answers it: `file.rows.12.amount`, `Ligne 12, colonne D (Montant) : …` */
  api: ErrorIssue;
}

/** A filled expenditure workbook, read and checked: what the expenditure import kind writes. */
export interface ExpenditureFile {
  sheet: string;
  rowCount: number;
  rows: ImportRow[];
  issues: ExpenditureIssue[];
  /** sum of the file's amounts, in USD */
  total: number;
}

/**
 * Reads a filled expenditure workbook and checks every row (line code, period, amount, currency and rate, the
 * agency's right to record it, no period twice); writes nothing. A workbook that cannot be read, or has no
 * row, is refused as a whole (400).
 */
export async function readExpenditureFile(
  ctx: ServiceContext,
  programmeId: string,
  bytes: Uint8Array,
): Promise<ExpenditureFile> {
  const read = await readExpenditureWorkbook(bytes, ctx.locale);
  const issues = new Issues(ctx.locale);
  if (!read.ok) {
    issues.add(
      read.problem.row ? `file.rows.${read.problem.row}` : 'body.content',
      read.problem.key,
      read.problem.args,
    );
    issues.throwIfAny('Unreadable workbook');
  }
  const { workbook } = read as Extract<typeof read, { ok: true }>;
  if (workbook.rows.length === 0) {
    issues.add('body.content', 'no_rows');
    issues.throwIfAny('Empty workbook');
  }
  const lines = await linesByCode(ctx.db, programmeId);
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const found: ExpenditureIssue[] = [];
  const sep = tIn(ctx.locale)('imports.expenditure.separator');
  for (const r of workbook.rows) {
    const before = found.length;
    const place = (field: ExpenditureColumn) =>
      `${workbook.letters[field] ?? '?'} (${columnTitle(field, ctx.locale)})`;
    const push = (field: ExpenditureColumn, message: string) => {
      const where = `${cellRef(ctx.locale, workbook.letters[field], r.row)} (${columnTitle(field, ctx.locale)})`;
      found.push({
        row: r.row,
        column: place(field),
        field,
        message,
        api: { path: `file.rows.${r.row}.${field}`, message: `${where}${sep}${message}` },
      });
    };
    const problem = (
      field: ExpenditureColumn,
      key: Parameters<Issues['add']>[1],
      args: Record<string, string | number> = {},
    ) => push(field, say(ctx.locale, key, args));
    const code = r.cells.line?.text;
    const line = code ? lines.get(code) : undefined;
    if (!code) problem('line', 'required');
    else if (!line) problem('line', 'unknown_line', { code });
    else if (!mayRecord(ctx, programmeId, line)) problem('line', 'agency_not_yours', { line: code });
    const start = r.cells.start ? readDate(r.cells.start) : undefined;
    const end = r.cells.end ? readDate(r.cells.end) : undefined;
    if (!r.cells.start) problem('start', 'required');
    else if (!start) problem('start', 'not_a_date', { text: r.cells.start.text });
    if (!r.cells.end) problem('end', 'required');
    else if (!end) problem('end', 'not_a_date', { text: r.cells.end.text });
    if (start && end && end < start) problem('end', 'end_before_start');
    // the money cells: read through the same checks as the API, then reworded with the cell
    const cellIssues = new Issues(ctx.locale);
    const money = readMoney(cellIssues, (f) => f, {
      amount: r.cells.amount?.number ?? r.cells.amount?.text ?? null,
      currency: r.cells.currency?.text ?? null,
      exchangeRate: r.cells.rate?.number ?? r.cells.rate?.text ?? null,
    });
    for (const i of cellIssues.list)
      push(i.path === 'amount' ? 'amount' : i.path === 'currency' ? 'currency' : 'rate', i.message);
    if (line && start && end) {
      const key = `${line.id}|${start}|${end}`;
      const first = seen.get(key);
      if (first !== undefined) problem('start', 'duplicate_period', { line: line.code, first });
      else seen.set(key, r.row);
    }
    if (found.length > before || !line || !start || !end || !money) continue;
    rows.push({ lineId: line.id, start, end, ...money, note: r.cells.note?.text ?? null });
  }
  const total = Math.round(rows.reduce((s, r) => s + Math.round(r.amountUsd * 100), 0)) / 100;
  return { sheet: workbook.sheet, rowCount: workbook.rows.length, rows, issues: found, total };
}

/** What writing the rows does (new, replaced, unchanged), read from `db`; with `write`, does it there too. */
export async function writeExpenditureFile(db: DbOrTx, file: ExpenditureFile, write: boolean) {
  const counts = countChanges(await existingPeriods(db, file.rows), file.rows);
  if (write) await upsertExpenditures(db, file.rows);
  return counts;
}

/** The date locks of the expenses a file records (an expense is dated by its period's end). */
export const assertExpensesOpen = (
  db: DbOrTx,
  ctx: ServiceContext,
  programmeId: string,
  file: ExpenditureFile,
) =>
  assertDatesOpen(
    db,
    programmeId,
    file.rows.map((r) => r.end),
    ctx.locale,
    'body.content',
  );

/** What an expense is, for telling a replaced one from an unchanged one. */
const signature = (e: {
  amountUsd: number;
  originalAmount: number | null;
  originalCurrency: string | null;
  exchangeRate: number | null;
  note: string | null;
}) => JSON.stringify([e.amountUsd, e.originalAmount, e.originalCurrency, e.exchangeRate, e.note]);

function countChanges(existing: Map<string, string>, rows: ImportRow[]) {
  let updated = 0;
  let unchanged = 0;
  for (const r of rows) {
    const current = existing.get(`${r.lineId}|${r.start}|${r.end}`);
    if (current === undefined) continue;
    if (current === signature(r)) unchanged++;
    else updated++;
  }
  return { created: rows.length - updated - unchanged, updated, unchanged };
}

const cellRef = (locale: Locale, letter: string | undefined, row: number) =>
  tIn(locale)('imports.expenditure.cell', { row, column: letter ?? '?' });

async function existingPeriods(db: DbOrTx, rows: ImportRow[]): Promise<Map<string, string>> {
  const lineIds = [...new Set(rows.map((r) => r.lineId))];
  const found = new Map<string, string>();
  for (const e of await findExpendituresOfLines(db, lineIds))
    found.set(`${e.budgetLineId}|${e.periodStart}|${e.periodEnd}`, signature(e));
  return found;
}

/** The workbook to fill for a period: every budget line of the programme, with its budget and spending so far. */
export async function expenditureTemplate(
  ctx: ServiceContext,
  slug: string,
  period: { start?: string; end?: string },
  locale: Locale,
): Promise<{ fileName: string; bytes: Buffer }> {
  const programme = await programmeOr404(ctx.db, slug);
  const today = todayOf(ctx);
  const [lines, spent] = await Promise.all([
    linesOf(ctx.db, programme.id),
    spentByLine(ctx.db, programme.id, today),
  ]);
  const orgs = await organisationsById(
    ctx.db,
    lines.map((l) => l.line.agencyId),
  );
  const end = period.end ?? today;
  const start = period.start ?? `${end.slice(0, 4)}-01-01`;
  const bytes = await writeExpenditureTemplate(
    lines.map((l) => {
      const agency = l.line.agencyId ? orgs.get(l.line.agencyId) : undefined;
      return {
        code: l.line.code,
        activity: localize(labelOf(l), locale),
        agency: agency ? localize(agency.acronym ?? agency.name, locale) : '',
        budget: lineTotal(l),
        spent: spent.get(l.line.id) ?? 0,
      };
    }),
    { start, end },
    locale,
  );
  const name = tIn(locale)('imports.expenditure.fileWord');
  return { fileName: `${programme.slug}-${name}-${end}.xlsx`, bytes };
}
