/**
 * An XML document as a tree that remembers what was read: the IATI importer marks every element and attribute
 * it maps, and whatever is left unmarked is reported as not mapped — nothing is dropped silently.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { scrubText } from '../../../core/domain/accepted-text.js';
import { forbiddenKeys } from '../../../core/lib/safe-keys.js';
import { importElementStates, type ImportElementState } from '../../../core/contracts/exchange.js';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** the element's own text (trimmed), numeric character references decoded */
  text: string;
  parent: XNode | undefined;
  used: boolean;
  usedAttrs: Set<string>;
  /** how the reader changed what the element says (kept, but not as written) */
  changes?: string[];
  /** why the reader read the element but keeps nothing of it */
  dropped?: string;
}

export class MalformedXml extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** An element or attribute named `__proto__`, `constructor` or `prototype` (issue 12): refused as a whole. */
export class ForbiddenXmlName extends MalformedXml {
  constructor(readonly forbidden: string) {
    super(`forbidden name ${forbidden}`);
  }
}

/** XML nested deeper than `maxXmlDepth` elements (IATI files have about ten levels): refused unread. */
export class TooDeepXml extends MalformedXml {
  constructor(readonly limit: number) {
    super(`elements nested more than ${limit} levels deep`);
  }
}
export const maxXmlDepth = 100;

/**
 * A file that ends before its elements are closed (a download cut short): located where it ends, naming the
 * elements left open — the validator itself reports it at line 1, column 1.
 */
export class TruncatedXml extends MalformedXml {
  constructor(
    readonly open: string[],
    line: number,
    column: number,
  ) {
    super(`the file ends before ${open.join(' › ')} is closed`, line, column);
  }
}

/** The line and column (1-based) just after the last character of `text` that is not white space. */
function endOf(text: string): { line: number; column: number } {
  const body = text.trimEnd();
  const lines = body.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

function build(items: Ordered[], parent: XNode | undefined): XNode[] {
  const nodes: XNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#comment') continue;
    const node: XNode = {
      name,
      // the text of a file is cleaned as typed text is (core/domain/accepted-text.ts)
      attrs: Object.fromEntries(Object.entries(item[':@'] ?? {}).map(([k, v]) => [k, scrubText(String(v))])),
      children: [],
      text: '',
      parent,
      used: false,
      usedAttrs: new Set(),
    };
    const content = (item[name] ?? []) as Ordered[];
    node.text = scrubText(
      content
        .filter((c) => '#text' in c)
        .map((c) => String(c['#text']))
        .join(''),
    ).trim();
    node.children = build(content, node);
    nodes.push(node);
  }
  return nodes;
}

/**
 * Whether elements nest deeper than `limit` in `text`, counted without parsing (and so without recursion):
 * comments, CDATA sections, declarations and processing instructions are skipped, and a `>` inside a quoted
 * attribute value does not end its element.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text[i + 1];
    if (next === '/') {
      depth--;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = text.startsWith('<!--', i)
        ? text.indexOf('-->', i + 4)
        : text.startsWith('<![CDATA[', i)
          ? text.indexOf(']]>', i + 9)
          : text.indexOf('>', i);
      if (end === -1) return false;
      i = end;
      continue;
    }
    let j = i + 1;
    let quote = '';
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (text[j - 1] !== '/' && ++depth > limit) return true;
    i = j;
  }
  return false;
}

/**
 * Parses XML text into a tree. Refuses, with the line and column, what is not well-formed XML; refuses a
 * DOCTYPE or an entity declaration wherever it is (IATI files have none, and it is how entity-expansion attacks
 * arrive); refuses elements nested deeper than `maxXmlDepth` (TooDeepXml) before anything walks them; refuses
 * an element or attribute named `__proto__`, `constructor` or `prototype` (ForbiddenXmlName).
 */
export function parseXmlTree(text: string): XNode {
  const body = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(body) || /<!ENTITY/i.test(body)) {
    throw new MalformedXml('DOCTYPE');
  }
  if (nestsDeeperThan(body, maxXmlDepth)) throw new TooDeepXml(maxXmlDepth);
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    // fast-xml-parser reports elements left open at the end as "Invalid '[names]' found" at line 1, column 1
    const open = valid.err.code === 'InvalidXml' && /^Invalid '\[(.*)\]' found\.?$/s.exec(valid.err.msg);
    if (open) {
      const names = [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      const { line, column } = endOf(body);
      throw new TruncatedXml(names, line, column);
    }
    throw new MalformedXml(valid.err.msg, valid.err.line, valid.err.col);
  }
  let parsed: Ordered[];
  try {
    parsed = parser.parse(body) as Ordered[];
  } catch (error) {
    // the parser refuses names that would reach a prototype with an error of its own: say which, as a refusal
    const forbidden = forbiddenKeys.find((k) => String((error as Error)?.message).includes(`"${k}"`));
    if (forbidden) throw new ForbiddenXmlName(forbidden);
    throw error;
  }
  const roots = build(parsed, undefined);
  const root = roots[0];
  if (!root || roots.length > 1) throw new MalformedXml('one root element expected');
  return root;
}

// ---- reading while marking ----

/** The children named `name`, marked as read. */
export function kids(node: XNode, name: string): XNode[] {
  const found = node.children.filter((c) => c.name === name);
  for (const c of found) c.used = true;
  return found;
}

/** The first child named `name`, marked as read. */
export function kid(node: XNode, name: string): XNode | undefined {
  return kids(node, name)[0];
}

/** An attribute's value (trimmed; empty counts as absent), marked as read. */
export function attr(node: XNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  node.usedAttrs.add(name);
  const value = node.attrs[name]?.trim();
  return value ? value : undefined;
}

/** Marks a node and everything under it as read. */
export function useAll(node: XNode): void {
  node.used = true;
  for (const k of Object.keys(node.attrs)) node.usedAttrs.add(k);
  for (const c of node.children) useAll(c);
}

export interface Narrative {
  /** lower-cased language: `EN` → `en`; the default language when the narrative has none */
  lang: string;
  text: string;
}

/** The narratives of an element (`<title><narrative xml:lang="EN">…`), marked as read. */
export function narratives(node: XNode | undefined, defaultLang: string): Narrative[] {
  if (!node) return [];
  node.used = true;
  const out: Narrative[] = [];
  for (const n of kids(node, 'narrative')) {
    const lang = (attr(n, 'xml:lang') ?? defaultLang).toLowerCase().slice(0, 2);
    const text = n.text.replace(/\s+\n/g, '\n').trim();
    if (text) out.push({ lang, text });
  }
  // IATI 1.x wrote the text directly in the element
  if (out.length === 0 && node.text) out.push({ lang: defaultLang, text: node.text });
  return out;
}

/** `xmlns`, `xmlns:x`: declarations, not data */
const isDeclaration = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');
/** an attribute in a namespace other than `xml:` (d-portal's `dstore:dataset`, `iati-activities:version`) */
export const isForeignAttribute = (name: string) =>
  name.includes(':') && !name.startsWith('xml:') && !isDeclaration(name);

export interface Unread {
  /** `result › indicator › baseline › location`, `transaction @humanitarian` */
  path: string;
  element: string;
  attribute?: string;
}

/** Everything under `node` that was not read, element by element (an unread element's content is not listed). */
export function unread(node: XNode, path: string[] = []): Unread[] {
  const out: Unread[] = [];
  for (const [name] of Object.entries(node.attrs)) {
    if (node.usedAttrs.has(name) || isDeclaration(name) || isForeignAttribute(name)) continue;
    out.push({ path: [...path, node.name].join(' › ') + ` @${name}`, element: node.name, attribute: name });
  }
  for (const c of node.children) {
    const childPath = [...path, node.name];
    if (!c.used) out.push({ path: [...childPath, c.name].join(' › '), element: c.name });
    else out.push(...unread(c, childPath));
  }
  return out;
}

/** The foreign attributes anywhere under `node`, by name, with how often they occur. */
export function foreignAttributes(node: XNode, into = new Map<string, number>()): Map<string, number> {
  for (const name of Object.keys(node.attrs))
    if (isForeignAttribute(name)) into.set(name, (into.get(name) ?? 0) + 1);
  for (const c of node.children) foreignAttributes(c, into);
  return into;
}

// ---- the fate of every element: kept, changed (how) or not kept (why) ----

/** What became of an element of a file: the three states, and no other (issue 17). */
export const elementStates = importElementStates;
export type ElementState = ImportElementState;

export interface ElementFate {
  /** `iati-activity › result › indicator › baseline` (the same place in every activity counts together) */
  path: string;
  state: ElementState;
  /** how it changed, or why it is not kept; none when kept */
  message?: string;
  /** how many elements of the file are at that place with that fate */
  count: number;
}

/** Says that the reader kept `node` but not as written, and how. */
export function changed(node: XNode | undefined, how: string): void {
  if (!node) return;
  const changes = (node.changes ??= []);
  if (!changes.includes(how)) changes.push(how);
}

/** Says that the reader read `node` but keeps nothing of it, and why (its content with it). */
export function dropped(node: XNode | undefined, why: string): void {
  if (node) node.dropped ??= why;
}

/**
 * The fate of `node` and of every element under it, grouped by place: not kept when not read or dropped (its
 * content with it, for the same reason), changed when the reader said so or left an attribute unread, else
 * kept. `explain` gives the reason of an element or attribute Jalon does not read.
 */
export function elementFates(
  node: XNode,
  explain: (element: string, attribute?: string) => string,
  into: Map<string, ElementFate> = new Map(),
  path: string[] = [],
  notKeptBecause?: string,
): Map<string, ElementFate> {
  const here = [...path, node.name];
  let state: ElementState = 'kept';
  let message: string | undefined;
  let inherited = notKeptBecause;
  if (inherited !== undefined) [state, message] = ['notKept', inherited];
  else if (!node.used || node.dropped !== undefined) {
    [state, message] = ['notKept', node.dropped ?? explain(node.name)];
    inherited = message;
  } else {
    const lost = Object.keys(node.attrs)
      .filter((a) => !node.usedAttrs.has(a) && !isDeclaration(a) && !isForeignAttribute(a))
      .map((a) => explain(node.name, a));
    const how = [...(node.changes ?? []), ...lost];
    if (how.length) [state, message] = ['changed', how.join(' ')];
  }
  const key = `${here.join(' › ')}\u0000${state}\u0000${message ?? ''}`;
  const found = into.get(key);
  if (found) found.count++;
  else into.set(key, { path: here.join(' › '), state, ...(message ? { message } : {}), count: 1 });
  for (const c of node.children) elementFates(c, explain, into, here, inherited);
  return into;
}
