import type { Catalogue } from '../fr.js';

/** The words of field data's codes in English: typed against the French ones. */
export const fieldCodesEn: Catalogue['field']['codeLabels'] = {
  kinds: {
    training: 'Training',
    sensitisation: 'Awareness session',
    workshop: 'Workshop',
    meeting: 'Meeting',
    dialogue: 'Dialogue',
    infrastructure: 'Infrastructure',
    event: 'Event',
    other: 'Other',
  },
  categories: {
    local_authorities: 'Local and traditional authorities',
    women_youth_associations: 'Members of women’s and youth associations',
    community_members: 'Community members',
    conflict_mechanism_members: 'Members of conflict management bodies',
    magistrates: 'Magistrates',
    justice_personnel: 'Justice personnel',
    judicial_police: 'Judicial police officers',
    security_forces: 'Defence and security forces',
    religious_actors: 'Religious actors',
    pupils: 'Pupils',
    students: 'Students',
    teachers: 'Teachers',
    civil_society: 'Civil society',
    government_officials: 'Government officials',
    media: 'Media',
    other: 'Others',
  },
  countBasis: {
    distinct: 'distinct',
    attendance: 'attendances',
  },
  sexes: {
    female: 'Women',
    male: 'Men',
    unknown: 'Sex not recorded',
  },
  ages: {
    under_18: 'Under 18',
    age_18_35: '18–35',
    age_36_plus: '36 and over',
    unknown: 'Age not recorded',
  },
};
