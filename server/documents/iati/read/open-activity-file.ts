// An IATI file's bytes → its XML tree and <iati-activity> nodes, refusing what is unsafe, malformed or not IATI 2.
import { ImportRefused } from '../../import-refused.js';
import {
  attr,
  ForbiddenXmlName,
  kids,
  MalformedXml,
  parseXmlTree,
  TooDeepXml,
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
        say(
          `Ce fichier nomme un élément ou un attribut « ${error.forbidden} » : Jalon refuse par sécurité les noms « __proto__ », « constructor » et « prototype ».`,
          `This file names an element or attribute “${error.forbidden}”: Jalon refuses the names “__proto__”, “constructor” and “prototype” for safety.`,
        ),
      );
    if (error instanceof TooDeepXml)
      throw new ImportRefused(
        say(
          `Les éléments de ce fichier XML sont imbriqués sur plus de ${error.limit} niveaux (un fichier IATI en a une dizaine) : Jalon le refuse.`,
          `This XML file nests elements more than ${error.limit} levels deep (an IATI file has about ten): Jalon refuses it.`,
        ),
      );
    if (error instanceof MalformedXml) {
      if (error.message === 'DOCTYPE')
        throw new ImportRefused(
          say(
            'Le fichier contient une déclaration DOCTYPE ou des entités : un fichier IATI n’en a pas, Jalon le refuse par sécurité.',
            'The file contains a DOCTYPE declaration or entities: an IATI file has none, and Jalon refuses it for safety.',
          ),
        );
      const at = error.line
        ? say(
            ` (ligne ${error.line}, colonne ${error.column})`,
            ` (line ${error.line}, column ${error.column})`,
          )
        : '';
      throw new ImportRefused(
        say(
          `Ce fichier n'est pas du XML bien formé${at} : ${error.message}`,
          `This file is not well-formed XML${at}: ${error.message}`,
        ),
      );
    }
    throw error;
  }
  if (root.name === 'iati-organisations')
    throw new ImportRefused(
      say(
        "C'est un fichier d'organisation IATI (iati-organisations) : Jalon importe les fichiers d'activités (iati-activities).",
        'This is an IATI organisation file (iati-organisations): Jalon imports activity files (iati-activities).',
      ),
    );
  if (root.name !== 'iati-activities')
    throw new ImportRefused(
      say(
        `Ce fichier XML n'est pas un fichier d'activités IATI : son élément racine est <${root.name}>, pas <iati-activities>.`,
        `This XML file is not an IATI activity file: its root element is <${root.name}>, not <iati-activities>.`,
      ),
    );
  const version = attr(root, 'version') ?? null;
  attr(root, 'generated-datetime');
  attr(root, 'linked-data-default');
  if (version && /^1\./.test(version))
    throw new ImportRefused(
      say(
        `Fichier IATI ${version} : Jalon lit les versions 2.01 à 2.03 (la version 1 n'est plus publiée depuis 2016 ; convertissez-le avec les outils IATI).`,
        `IATI ${version} file: Jalon reads versions 2.01 to 2.03 (version 1 has not been published since 2016; convert it with the IATI tools).`,
      ),
    );
  if (!version)
    file.issue(
      'note',
      say('Fichier', 'File'),
      say(
        "Pas d'attribut version : le fichier est lu comme IATI 2.0x.",
        'No version attribute: the file is read as IATI 2.0x.',
      ),
    );
  else if (!['2.01', '2.02', '2.03'].includes(version))
    file.issue(
      'note',
      say('Fichier', 'File'),
      say(`Version ${version} : lue comme 2.03.`, `Version ${version}: read as 2.03.`),
    );

  const activityNodes = kids(root, 'iati-activity');
  if (activityNodes.length === 0)
    throw new ImportRefused(
      say(
        'Ce fichier IATI ne contient aucune activité (iati-activity).',
        'This IATI file contains no activity (iati-activity).',
      ),
    );
  if (activityNodes.length > maxActivitiesPerFile)
    throw new ImportRefused(
      say(
        `Ce fichier contient ${activityNodes.length} activités : Jalon en importe au plus ${maxActivitiesPerFile} à la fois (filtrez par pays, par exemple sur d-portal.org).`,
        `This file holds ${activityNodes.length} activities: Jalon imports at most ${maxActivitiesPerFile} at a time (filter by country, e.g. on d-portal.org).`,
      ),
    );
  const fileLang = (attr(root, 'xml:lang') ?? 'en').toLowerCase().slice(0, 2);
  return { root, version, activityNodes, fileLang };
}
