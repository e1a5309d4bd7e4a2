// Why an element or attribute Jalon does not read is not kept: one sentence per element real files carry most.
import type { ServerCatalogue } from '../../../../core/i18n/server-fr.js';
import type { Say } from '../../../../core/i18n/t.js';

type UnreadElement = Exclude<
  keyof ServerCatalogue['documents']['iati']['read']['unread'],
  'attribute' | 'otherElement'
>;

export /** Why an element Jalon does not read is not kept, for the elements real files carry most. */
function explainUnread(element: string, attribute: string | undefined, say: Say): string {
  if (attribute) return say('documents.iati.read.unread.attribute', { attribute });
  const known: Record<string, UnreadElement> = {
    'contact-info': 'contactInfo',
    'activity-scope': 'activityScope',
    'recipient-region': 'recipientRegion',
    'collaboration-type': 'collaborationType',
    'default-flow-type': 'defaultFlowType',
    'default-finance-type': 'defaultFinanceType',
    'default-aid-type': 'defaultAidType',
    'default-tied-status': 'defaultTiedStatus',
    'activity-status': 'activityStatus',
    'country-budget-items': 'countryBudgetItems',
    'humanitarian-scope': 'humanitarianScope',
    'capital-spend': 'capitalSpend',
    'document-link': 'documentLink',
    conditions: 'conditions',
    'other-identifier': 'otherIdentifier',
    'planned-disbursement': 'plannedDisbursement',
    'related-activity': 'relatedActivity',
    location: 'location',
    point: 'point',
    exactness: 'exactness',
    'location-class': 'locationClass',
    'location-reach': 'locationReach',
    'location-id': 'locationId',
    administrative: 'administrative',
    'feature-designation': 'featureDesignation',
    'legacy-data': 'legacyData',
    'crs-add': 'crsAdd',
    fss: 'fss',
    tag: 'tag',
    budget: 'budget',
    reference: 'reference',
    'provider-org': 'providerOrg',
    'receiver-org': 'receiverOrg',
    'disbursement-channel': 'disbursementChannel',
    description: 'description',
    'flow-type': 'flowType',
    'finance-type': 'financeType',
    'aid-type': 'aidType',
    'tied-status': 'tiedStatus',
    sector: 'sector',
    'recipient-country': 'recipientCountry',
  };
  const key = Object.hasOwn(known, element) ? known[element] : undefined;
  return key
    ? say(`documents.iati.read.unread.${key}`)
    : say('documents.iati.read.unread.otherElement', { element });
}
