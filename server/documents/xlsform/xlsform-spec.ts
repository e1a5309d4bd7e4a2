/**
 * The rules of the XLSForm specification (https://xlsform.org) a form must follow before KoboToolbox or ODK
 * Central accepts it, checked on what Jalon writes: the sheets and their columns, names valid and unique, every
 * list a select names exists and its choices are unique, every `${reference}` names a question, a choice filter
 * reads columns the choices have, groups are closed, and every expression (constraint, relevant, calculation,
 * choice filter) parses as the XPath subset forms use. No XLSForm converter runs in Node (docs/decisions/0018),
 * so this is the check, each rule with the sentence of the spec it applies.
 */
import type { XlsForm } from './activity-form.js';

/** The question types of the spec (a select names its list after a space). */
const plainTypes = new Set([
  'integer',
  'decimal',
  'range',
  'text',
  'note',
  'geopoint',
  'geotrace',
  'geoshape',
  'date',
  'time',
  'dateTime',
  'image',
  'audio',
  'background-audio',
  'video',
  'file',
  'barcode',
  'calculate',
  'acknowledge',
  'hidden',
  'xml-external',
  'rank',
  'start',
  'end',
  'today',
  'deviceid',
  'phonenumber',
  'username',
  'email',
  'audit',
  'begin_group',
  'end_group',
  'begin_repeat',
  'end_repeat',
]);
const selectType = /^(select_one|select_multiple) ([A-Za-z_][A-Za-z0-9_.-]*)$/;
/** An XML name without a colon: what a question, group or list may be named. */
const xmlName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const reference = /\$\{([^}]*)\}/g;
const functions = new Set([
  'selected',
  'selected-at',
  'count-selected',
  'coalesce',
  'concat',
  'date',
  'today',
  'now',
  'if',
  'not',
  'string-length',
  'regex',
  'int',
  'number',
  'round',
  'sum',
  'max',
  'min',
  'boolean',
  'true',
  'false',
  'jr:choice-name',
  'decimal-date-time',
  'format-date',
  'once',
]);

/** Tokens of the XPath subset forms use; null when a character belongs to none. */
function tokens(expression: string): string[] | null {
  const re =
    /\s*(\$\{[A-Za-z_][A-Za-z0-9_.-]*\}|'[^']*'|"[^"]*"|\d+(?:\.\d+)?|!=|<=|>=|[=<>+*(),-]|\.\.|\.|[A-Za-z_][A-Za-z0-9_:.-]*)\s*/y;
  const out: string[] = [];
  let at = 0;
  while (at < expression.length) {
    re.lastIndex = at;
    const m = re.exec(expression);
    if (!m || m[0] === '') return null;
    out.push(m[1]!);
    at = re.lastIndex;
  }
  return out;
}

/** Null when the expression parses, else why not. */
export function expressionProblem(expression: string): string | null {
  const list = tokens(expression);
  if (!list) return 'a character no expression may hold';
  let i = 0;
  const peek = () => list[i];
  const eat = (t: string) => (list[i] === t ? (i++, true) : false);
  const binary = (ops: string[], next: () => void) => () => {
    next();
    while (peek() !== undefined && ops.includes(peek()!)) {
      i++;
      next();
    }
  };
  const primary = (): void => {
    const t = list[i++];
    if (t === undefined) throw new Error('ends too soon');
    if (t === '-') return primary();
    if (t === '(') {
      or();
      if (!eat(')')) throw new Error('a parenthesis is not closed');
      return;
    }
    if (/^(\$\{|'|"|\d|\.)/.test(t)) return;
    if (/^[A-Za-z_]/.test(t) && peek() === '(') {
      if (!functions.has(t)) throw new Error(`unknown function ${t}()`);
      i++;
      if (eat(')')) return;
      do or();
      while (eat(','));
      if (!eat(')')) throw new Error(`${t}( is not closed`);
      return;
    }
    // a relative path: a choice filter's column (`region=${region}`)
    if (/^[A-Za-z_]/.test(t) && !['and', 'or', 'div', 'mod'].includes(t)) return;
    throw new Error(`“${t}” where a value was expected`);
  };
  const mul = binary(['*', 'div', 'mod'], primary);
  const add = binary(['+', '-'], mul);
  const cmp = binary(['=', '!=', '<', '<=', '>', '>='], add);
  const and = binary(['and'], cmp);
  const or = binary(['or'], and);
  try {
    or();
    if (i < list.length) return `“${list[i]}” after a complete expression`;
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every departure from the spec, each naming its sheet and row (2 is the first row after the header). */
export function xlsFormProblems(form: XlsForm): string[] {
  const problems: string[] = [];
  const say = (sheet: string, index: number, what: string) =>
    problems.push(`${sheet} row ${index + 2}: ${what}`);
  const labelColumns = (rows: Record<string, string>[]) =>
    [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c === 'label' || c.startsWith('label::'));

  // settings: an id and a version, so a server can tell a new version of the same form
  for (const key of ['form_title', 'form_id', 'version'])
    if (!form.settings[key]) problems.push(`settings: ${key} missing`);
  if (form.settings.form_id && !xmlName.test(form.settings.form_id))
    problems.push(`settings: form_id “${form.settings.form_id}” is not an XML name`);

  // choices: unique names per list, no spaces (a multiple choice separates answers by spaces), a label
  const lists = new Map<string, Record<string, string>[]>();
  const choiceLabels = labelColumns(form.choices);
  form.choices.forEach((c, index) => {
    if (!c.list_name || !xmlName.test(c.list_name)) say('choices', index, `list_name “${c.list_name ?? ''}”`);
    if (!c.name) say('choices', index, 'a choice without a name');
    else if (/\s/.test(c.name)) say('choices', index, `choice name “${c.name}” holds a space`);
    for (const l of choiceLabels) if (!c[l]) say('choices', index, `no ${l}`);
    const list = lists.get(c.list_name ?? '') ?? [];
    if (list.some((x) => x.name === c.name))
      say('choices', index, `“${c.name}” twice in list ${c.list_name}`);
    list.push(c);
    lists.set(c.list_name ?? '', list);
  });

  // survey: types, names, groups, lists, references, expressions
  const names = new Set<string>();
  form.survey.forEach((row, index) => {
    if (row.type?.startsWith('end_')) return;
    if (!row.name) return say('survey', index, `a ${row.type ?? 'row'} without a name`);
    if (!xmlName.test(row.name)) say('survey', index, `name “${row.name}” is not an XML name`);
    if (names.has(row.name)) say('survey', index, `name “${row.name}” twice`);
    names.add(row.name);
  });
  const surveyLabels = labelColumns(form.survey);
  if (!surveyLabels.length) problems.push('survey: no label column');
  const open: string[] = [];
  const usedLists = new Set<string>();
  form.survey.forEach((row, index) => {
    const type = row.type ?? '';
    const select = type.match(selectType);
    if (!select && !plainTypes.has(type)) say('survey', index, `type “${type}” is not an XLSForm type`);
    if (select) {
      usedLists.add(select[2]!);
      if (!lists.has(select[2]!)) say('survey', index, `list “${select[2]}” is not in choices`);
    }
    if (type === 'begin_group' || type === 'begin_repeat') open.push(type.slice(6));
    if (type === 'end_group' || type === 'end_repeat')
      if (open.pop() !== type.slice(4)) say('survey', index, `${type} without its begin`);
    const shown = ![
      'calculate',
      'start',
      'end',
      'today',
      'deviceid',
      'hidden',
      'end_group',
      'end_repeat',
    ].includes(type);
    if (shown) for (const l of surveyLabels) if (!row[l]) say('survey', index, `${row.name}: no ${l}`);
    if (type === 'calculate' && !row.calculation)
      say('survey', index, `${row.name}: a calculate without calculation`);
    if (row.required && !['yes', 'true', 'no', 'false'].includes(row.required))
      say('survey', index, `required “${row.required}”`);
    for (const [column, value] of Object.entries(row)) {
      for (const m of value.matchAll(reference))
        if (!names.has(m[1]!)) say('survey', index, `${column} names \${${m[1]}}, which is no question`);
      if (['constraint', 'relevant', 'calculation', 'choice_filter'].includes(column)) {
        const problem = expressionProblem(value);
        if (problem) say('survey', index, `${column} “${value.slice(0, 60)}”: ${problem}`);
      }
    }
    if (row.choice_filter) {
      if (!select) say('survey', index, 'a choice_filter on a question that is no select');
      const choices = lists.get(select?.[2] ?? '') ?? [];
      const left = [...row.choice_filter.matchAll(/(?:^|[\s(])([A-Za-z_][A-Za-z0-9_]*)\s*(?:=|!=)/g)].map(
        (m) => m[1]!,
      );
      if (!left.length) say('survey', index, `choice_filter “${row.choice_filter}” compares no column`);
      for (const column of left)
        if (!choices.length || choices.some((c) => !(column in c)))
          say('survey', index, `choice_filter reads “${column}”, which the choices of ${select?.[2]} lack`);
    }
  });
  if (open.length) problems.push(`survey: ${open.length} group(s) never closed`);
  for (const name of lists.keys())
    if (!usedLists.has(name)) problems.push(`choices: list “${name}” used by no question`);
  return problems;
}
