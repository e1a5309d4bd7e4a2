// One activity being read: its node, language and place in the findings, and the organisations it names.
import type { OrganisationInput } from '../../../../core/contracts/programme-document.js';
import type { AnyMessageKey, Params, Say } from '../../../../core/i18n/t.js';
import { attr, type XNode } from '../xml-tree.js';
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

  note(where: string, key: AnyMessageKey, params?: Params) {
    this.file.issue('note', where, this.say(key, params));
  }
  unmapped(where: string, key: AnyMessageKey, params?: Params) {
    this.file.issue('unmapped', where, this.say(key, params));
  }
  at(...path: string[]) {
    return [this.where, ...path].join(' › ');
  }
}
