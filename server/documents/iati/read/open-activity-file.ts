// An IATI file's bytes → its XML tree and <iati-activity> nodes, refusing what is unsafe, malformed or not IATI 2.
import { ImportRefused } from '../../import-refused.js';
import {
  attr,
  ForbiddenXmlName,
  kids,
  MalformedXml,
  parseXmlTree,
  TooDeepXml,
  TruncatedXml,
  type XNode,
} from '../xml-tree.js';
import { decodeXml } from './decode-xml.js';
import type { FileReader } from './file-reader.js';
import { maxActivitiesPerFile } from './read-types.js';

export interface ActivityFile {
  root: XNode;
  version: string | null;
  activityNodes: XNode[];
  /** the file's default language (xml:lang), two letters */
  fileLang: string;
}

/** Opens an IATI activity file. Throws `ImportRefused` for a bad file; notes an unusual version. */
export function openActivityFile(bytes: Uint8Array, file: FileReader): ActivityFile {
  const say = file.say;
  const text = decodeXml(bytes, say);
  let root: XNode;
  try {
    root = parseXmlTree(text);
  } catch (error) {
    if (error instanceof ForbiddenXmlName)
      throw new ImportRefused(
        say('documents.iati.read.openFile.forbiddenXmlName', { forbidden: error.forbidden }),
      );
    if (error instanceof TooDeepXml)
      throw new ImportRefused(say('documents.iati.read.openFile.tooDeep', { limit: error.limit }));
    if (error instanceof MalformedXml) {
      if (error.message === 'DOCTYPE') throw new ImportRefused(say('documents.iati.read.openFile.doctype'));
      const at = error.line
        ? say('documents.iati.read.openFile.atLineColumn', { line: error.line, column: error.column })
        : '';
      if (error instanceof TruncatedXml)
        throw new ImportRefused(
          say('documents.iati.read.openFile.truncated', { at, open: error.open.join(' › ') }),
        );
      throw new ImportRefused(
        say('documents.iati.read.openFile.notWellFormed', { at, message: error.message }),
      );
    }
    throw error;
  }
  if (root.name === 'iati-organisations')
    throw new ImportRefused(say('documents.iati.read.openFile.organisationFile'));
  if (root.name !== 'iati-activities')
    throw new ImportRefused(say('documents.iati.read.openFile.notActivityFile', { name: root.name }));
  const version = attr(root, 'version') ?? null;
  attr(root, 'generated-datetime');
  attr(root, 'linked-data-default');
  if (version && /^1\./.test(version))
    throw new ImportRefused(say('documents.iati.read.openFile.version1', { version }));
  if (!version)
    file.issue(
      'note',
      say('documents.iati.read.openFile.file'),
      say('documents.iati.read.openFile.noVersion'),
    );
  else if (!['2.01', '2.02', '2.03'].includes(version))
    file.issue(
      'note',
      say('documents.iati.read.openFile.file'),
      say('documents.iati.read.openFile.versionReadAs203', { version }),
    );

  const activityNodes = kids(root, 'iati-activity');
  if (activityNodes.length === 0) throw new ImportRefused(say('documents.iati.read.openFile.noActivity'));
  if (activityNodes.length > maxActivitiesPerFile)
    throw new ImportRefused(
      say('documents.iati.read.openFile.tooManyActivities', {
        count: activityNodes.length,
        max: maxActivitiesPerFile,
      }),
    );
  const fileLang = (attr(root, 'xml:lang') ?? 'en').toLowerCase().slice(0, 2);
  return { root, version, activityNodes, fileLang };
}
