// An activity's results (outcomes and outputs) with their indicators, as read from <result>.
import { describeCode } from '../codelists.js';
import { attr, kid, kids, narratives, type XNode } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import { readIndicator } from './indicators.js';
import type { RawResult } from './raw-activity.js';

export function readResult(
  reader: ActivityReader,
  node: XNode,
  index: number,
  country: string,
): RawResult | undefined {
  const type = attr(node, 'type');
  attr(node, 'aggregation-status');
  const where = reader.at(`${reader.say('documents.iati.read.results.resultInPath')} ${index}`);
  const title = reader.file.text(narratives(kid(node, 'title'), reader.lang));
  const description = reader.file.text(narratives(kid(node, 'description'), reader.lang));
  let reference: string | undefined;
  for (const r of kids(node, 'reference')) {
    if ((attr(r, 'vocabulary') ?? '99') === '99' && !reference) reference = attr(r, 'code');
    else r.used = false;
  }
  const indicators = kids(node, 'indicator').map((ind, i) =>
    readIndicator(
      reader,
      ind,
      `${where} › ${reader.say('documents.iati.read.results.indicatorInPath')} ${i + 1}`,
      country,
    ),
  );
  if (description) reader.note(where, 'documents.iati.read.results.descriptionInIndicatorNotes');
  for (const ind of indicators) if (description) ind.notes.unshift(description.fr);
  if (type !== '1' && type !== '2' && type !== '3')
    reader.note(where, 'documents.iati.read.results.otherTypeReadAsOutcome', {
      type: type
        ? describeCode('ResultType', type, reader.file.options.locale)
        : reader.say('documents.iati.read.results.noType'),
    });
  return {
    where,
    type: type === '1' ? 'output' : 'outcome',
    title: title ?? { fr: reader.say('documents.iati.read.results.untitledResult', { index }) },
    ...(reference ? { reference } : {}),
    indicators,
  };
}
