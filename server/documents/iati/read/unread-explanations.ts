// Why an element or attribute Jalon does not read is not kept: one sentence per element real files carry most.
import type { Say } from '../../bilingual.js';

export /** Why an element Jalon does not read is not kept, for the elements real files carry most. */
function explainUnread(element: string, attribute: string | undefined, say: Say): string {
  if (attribute)
    return say(
      `Attribut ${attribute} non gardé : Jalon n'a pas de champ pour lui.`,
      `Attribute ${attribute} not kept: Jalon has no field for it.`,
    );
  const known: Record<string, [string, string]> = {
    'contact-info': ['Contacts non gardés.', 'Contacts not kept.'],
    'activity-scope': [
      'Portée géographique non gardée (Jalon garde le pays et les lieux).',
      'Geographic scope not kept (Jalon keeps the country and places).',
    ],
    'recipient-region': [
      'Région bénéficiaire non gardée (Jalon garde un pays).',
      'Recipient region not kept (Jalon keeps one country).',
    ],
    'collaboration-type': ['Type de collaboration non gardé.', 'Collaboration type not kept.'],
    'default-flow-type': ['Type de flux par défaut non gardé.', 'Default flow type not kept.'],
    'default-finance-type': ['Type de financement par défaut non gardé.', 'Default finance type not kept.'],
    'default-aid-type': ["Type d'aide par défaut non gardé.", 'Default aid type not kept.'],
    'default-tied-status': ["Statut de l'aide liée non gardé.", 'Default tied status not kept.'],
    'activity-status': [
      "Statut de l'activité non gardé : Jalon le déduit des dates.",
      'Activity status not kept: Jalon derives it from the dates.',
    ],
    'country-budget-items': ['Lignes du budget national non gardées.', 'Country budget items not kept.'],
    'humanitarian-scope': ['Portée humanitaire non gardée.', 'Humanitarian scope not kept.'],
    'capital-spend': ['Part des dépenses en capital non gardée.', 'Capital spend not kept.'],
    'document-link': ['Lien vers un document non gardé.', 'Document link not kept.'],
    conditions: ['Conditions non gardées.', 'Conditions not kept.'],
    'other-identifier': ['Autre identifiant non gardé.', 'Other identifier not kept.'],
    'planned-disbursement': ['Décaissement prévu non gardé.', 'Planned disbursement not kept.'],
    'related-activity': [
      'Activité liée (ni parent ni enfant dans ce fichier) non gardée.',
      'Related activity (neither a parent nor a child in this file) not kept.',
    ],
    location: [
      'Lieu : coordonnées et codes non gardés (Jalon garde le nom du lieu).',
      'Location: coordinates and codes not kept (Jalon keeps the place name).',
    ],
    point: [
      'Coordonnées non gardées (Jalon garde le nom du lieu).',
      'Coordinates not kept (Jalon keeps the place name).',
    ],
    exactness: ['Précision du lieu non gardée.', 'Location exactness not kept.'],
    'location-class': ['Classe de lieu non gardée.', 'Location class not kept.'],
    'location-reach': ['Portée du lieu non gardée.', 'Location reach not kept.'],
    'location-id': ['Code du lieu non gardé.', 'Location code not kept.'],
    administrative: ['Division administrative codée non gardée.', 'Coded administrative area not kept.'],
    'feature-designation': ['Type de lieu non gardé.', 'Feature designation not kept.'],
    'legacy-data': ['Données héritées non gardées.', 'Legacy data not kept.'],
    'crs-add': ['Données CRS complémentaires non gardées.', 'Additional CRS data not kept.'],
    fss: ['Prévisions de dépenses (FSS) non gardées.', 'Forward spending survey not kept.'],
    tag: ['Étiquette non gardée.', 'Tag not kept.'],
    budget: [
      'Budget non gardé (devise différente ou dates manquantes).',
      'Budget not kept (another currency or missing dates).',
    ],
    reference: ['Référence à un autre vocabulaire non gardée.', 'Reference to another vocabulary not kept.'],
    'provider-org': [
      "Organisation d'origine d'une dépense non gardée (Jalon garde le total des dépenses).",
      'Provider of an expenditure not kept (Jalon keeps the total spent).',
    ],
    'receiver-org': [
      'Organisation bénéficiaire du versement non gardée (Jalon garde les totaux).',
      'Receiver of the transaction not kept (Jalon keeps the totals).',
    ],
    'disbursement-channel': ['Canal de décaissement non gardé.', 'Disbursement channel not kept.'],
    description: ['Description non gardée.', 'Description not kept.'],
    'flow-type': ['Type de flux non gardé.', 'Flow type not kept.'],
    'finance-type': ['Type de financement non gardé.', 'Finance type not kept.'],
    'aid-type': ["Type d'aide non gardé.", 'Aid type not kept.'],
    'tied-status': ["Statut de l'aide liée non gardé.", 'Tied status not kept.'],
    sector: ['Secteur non gardé.', 'Sector not kept.'],
    'recipient-country': ['Pays non gardé.', 'Country not kept.'],
  };
  const [fr, en] = known[element] ?? [
    `Élément <${element}> non gardé : Jalon n'a pas de champ pour lui.`,
    `Element <${element}> not kept: Jalon has no field for it.`,
  ];
  return say(fr, en);
}
