// One activity being read: its node, language and place in the findings, and the organisations it names.
import type { OrganisationInput } from '../../../../core/contracts/programme-document.js';
import type { AnyMessageKey, Params, Say } from '../../../../core/i18n/t.js';
import { attr, changed, dropped, type XNode } from '../xml-tree.js';
import type { FileReader } from './file-reader.js';

export class ActivityReader {
  readonly lang: string;
  readonly where: string;
  readonly say: Say;
  /** the organisations the activity names, by code */
  readonly organisations = new Map<string, OrganisationInput>();
  /** the year the activity starts, once its dates are read */
  startYear: string | undefined;

  constructor(
    readonly file: FileReader,
    readonly node: XNode,
    readonly identifier: string,
    fileLang: string,
  ) {
    this.lang = (attr(node, 'xml:lang') ?? fileLang).toLowerCase().slice(0, 2);
    this.where = identifier;
    this.say = file.say;
  }

  /** a note on how something was read; the elements it is about are marked changed, with the note */
  note(where: string, key: AnyMessageKey, params?: Params, ...nodes: (XNode | undefined)[]) {
    const message = this.say(key, params);
    this.file.issue('note', where, message);
    for (const n of nodes) changed(n, message);
  }
  /** something not kept; the elements it is about are marked not kept, with the reason */
  unmapped(where: string, key: AnyMessageKey, params?: Params, ...nodes: (XNode | undefined)[]) {
    const message = this.say(key, params);
    this.file.issue('unmapped', where, message);
    for (const n of nodes) dropped(n, message);
  }
  at(...path: string[]) {
    return [this.where, ...path].join(' › ');
  }
}
