// An activity's gender marker (the DAC gender equality policy marker) and its sectors, which Jalon reports only.
import { describeCode } from '../codelists.js';
import { attr, kids, narratives } from '../xml-tree.js';
import type { ActivityReader } from './activity-reader.js';
import type { RawProgramme } from './raw-activity.js';

export function readGenderMarker(reader: ActivityReader): RawProgramme['genderMarker'] {
  const { node } = reader;
  let genderMarker: RawProgramme['genderMarker'];
  for (const pm of kids(node, 'policy-marker')) {
    const vocabulary = attr(pm, 'vocabulary') ?? '1';
    const code = attr(pm, 'code');
    const significance = attr(pm, 'significance');
    narratives(pm, reader.lang);
    if (vocabulary === '1' && code === '1' && significance !== undefined) {
      const gm = ({ '0': 'GM0', '1': 'GM2', '2': 'GM3', '3': 'GM3', '4': 'GM3' } as const)[
        significance as '0' | '1' | '2' | '3' | '4'
      ];
      if (gm) {
        genderMarker = { code: gm, text: `IATI ${significance}` };
        reader.note(reader.at('policy-marker'), 'documents.iati.read.sectors.genderMarkerFromPolicyMarker', {
          significance,
          gm,
        });
        continue;
      }
    }
    reader.unmapped(
      reader.at('policy-marker'),
      'documents.iati.read.sectors.markerNotKept',
      {
        marker:
          vocabulary === '1' && code ? describeCode('PolicyMarker', code, reader.file.options.locale) : code,
      },
      pm,
    );
  }
  return genderMarker;
}

/** sectors: Jalon has no sector field; say which ones */
export function reportSectors(reader: ActivityReader): void {
  const { node } = reader;
  const sectors = kids(node, 'sector').map((s) => {
    narratives(s, reader.lang);
    const vocabulary = attr(s, 'vocabulary') ?? '1';
    const code = attr(s, 'code') ?? '?';
    const pct = attr(s, 'percentage');
    attr(s, 'vocabulary-uri');
    const name =
      vocabulary === '1'
        ? describeCode('Sector', code, reader.file.options.locale)
        : `${code} (${reader.say('documents.iati.read.sectors.vocabulary')} ${vocabulary})`;
    return pct ? `${name} ${pct} %` : name;
  });
  if (sectors.length)
    reader.unmapped(
      reader.at('sector'),
      'documents.iati.read.sectors.sectorsNotKept',
      { sectors: sectors.join(reader.say('documents.iati.read.sectors.listSeparator')) },
      ...node.children.filter((c) => c.name === 'sector'),
    );
}
