/**
 * IATI activity files (versions 2.01–2.03) as real publishers write them → programme documents (pure: bytes
 * in, documents and findings out). The steps live in read/: open-activity-file (XML safety, root, version),
 * read-activity (one activity: header, organisations, money, results), activity-hierarchy (children into their
 * parent), programme-assembly and framework-assembly (the programme document), file-reader (the findings).
 *
 * Each activity becomes a programme, except a child whose parent is in the same file: it is merged into its
 * parent as a recipient organisation (with its budget), its results and values. Results become one framework
 * version; actuals become indicator values. Every element or attribute the mapping does not read is reported
 * (`unmapped`), grouped by place with a count; what was read in a particular way is said in a `note`.
 */
import { dropped, elementFates, foreignAttributes, kid, unread, useAll } from './xml-tree.js';
import { ActivityReader } from './read/activity-reader.js';
import { familiesOf, mergeChild } from './read/activity-hierarchy.js';
import { FileReader } from './read/file-reader.js';
import { openActivityFile } from './read/open-activity-file.js';
import { assembleProgramme } from './read/programme-assembly.js';
import { readActivity } from './read/read-activity.js';
import type { RawProgramme } from './read/raw-activity.js';
import type { IatiReadOptions, IatiReadResult, MappedProgramme } from './read/read-types.js';
import { explainUnread } from './read/unread-explanations.js';

export { decodeXml } from './read/decode-xml.js';
export {
  importableProgrammeDocument,
  maxActivitiesPerFile,
  type IatiReadOptions,
  type IatiReadResult,
  type MappedProgramme,
} from './read/read-types.js';

/** Reads an IATI activity file into programme documents and findings. Throws `ImportRefused` for a bad file. */
export function readIatiActivities(bytes: Uint8Array, options: IatiReadOptions): IatiReadResult {
  const file = new FileReader(options);
  const say = file.say;
  const { root, version, activityNodes, fileLang } = openActivityFile(bytes, file);

  // read every activity
  const raws: RawProgramme[] = [];
  const seen = new Set<string>();
  activityNodes.forEach((node, i) => {
    const idNode = kid(node, 'iati-identifier');
    const identifier =
      idNode?.text.trim() || say('documents.iati.read.activities.provisionalIdentifier', { number: i + 1 });
    if (!idNode?.text.trim())
      file.issue('note', identifier, say('documents.iati.read.activities.noIdentifier'));
    if (seen.has(identifier)) {
      const why = say('documents.iati.read.activities.duplicateActivity');
      file.issue('unmapped', identifier, why);
      useAll(node);
      dropped(node, why);
      return;
    }
    seen.add(identifier);
    const reader = new ActivityReader(file, node, identifier, fileLang);
    const before = file.issues.length;
    const raw = readActivity(reader);
    // an activity that is not imported is reported once, as a whole
    if (!raw) {
      useAll(node);
      const why = file.issues
        .slice(before)
        .find((i) => i.where === identifier && i.severity !== 'note')?.message;
      dropped(node, why ?? say('documents.iati.read.activities.noImportableActivity'));
    }
    // whatever the mapping did not read, grouped by place
    for (const u of unread(node)) {
      const path = u.path.replace(/^iati-activity › ?/, '');
      file.grouped_(
        'unmapped',
        `${identifier} › ${path || 'iati-activity'}`,
        explainUnread(u.element, u.attribute, say),
      );
    }
    if (raw) raws.push(raw);
  });
  for (const u of unread({ ...root, children: root.children.filter((c) => c.name !== 'iati-activity') }))
    file.grouped_('unmapped', u.path, explainUnread(u.element, u.attribute, say));
  const foreign = foreignAttributes(root);
  if (foreign.size)
    file.issue(
      'unmapped',
      say('documents.iati.read.activities.file'),
      say('documents.iati.read.activities.foreignAttributes', { attributes: [...foreign.keys()].join(', ') }),
    );

  // merge children whose parent is in the file
  const programmes: MappedProgramme[] = [];
  const usedCodes = new Set<string>();
  for (const { parent, children } of familiesOf(raws, file)) {
    for (const child of children) mergeChild(parent, child, file);
    const programme = assembleProgramme(parent, children, file, options, usedCodes);
    if (programme) programmes.push(programme);
  }
  if (programmes.length === 0 && !file.issues.some((i) => i.severity === 'error'))
    file.issue(
      'error',
      say('documents.iati.read.activities.file'),
      say('documents.iati.read.activities.noImportableActivity'),
    );
  // every element of the file: kept, changed (how) or not kept (why)
  root.used = true;
  const elements = [
    ...elementFates(root, (element, attribute) => explainUnread(element, attribute, say)).values(),
  ];
  return { version, programmes, issues: file.issues, elements };
}
