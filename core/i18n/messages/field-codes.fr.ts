/**
 * The words of field data's codes in documents, spreadsheets and the audit trail, under `field.codeLabels` in
 * fr.ts; a file of their own so that core/activities/labels.ts reads them without the whole catalogue.
 * The importers also accept them for the codes.
 */
export const fieldCodesFr = {
  kinds: {
    training: 'Formation',
    sensitisation: 'Sensibilisation',
    workshop: 'Atelier',
    meeting: 'Réunion',
    dialogue: 'Dialogue',
    infrastructure: 'Infrastructure',
    event: 'Événement',
    other: 'Autre',
  },
  categories: {
    local_authorities: 'Autorités locales et traditionnelles',
    women_youth_associations: 'Membres d’associations de femmes et de jeunes',
    community_members: 'Membres des communautés',
    conflict_mechanism_members: 'Membres des mécanismes de gestion des conflits',
    magistrates: 'Magistrats',
    justice_personnel: 'Personnel de justice',
    judicial_police: 'Agents et officiers de police judiciaire',
    security_forces: 'Forces de défense et de sécurité',
    religious_actors: 'Acteurs religieux',
    pupils: 'Élèves',
    students: 'Étudiants',
    teachers: 'Enseignants',
    civil_society: 'Société civile',
    government_officials: 'Représentants de l’administration',
    media: 'Médias',
    other: 'Autres',
  },
  countBasis: {
    distinct: 'distinctes',
    attendance: 'présences',
  },
  sexes: {
    female: 'Femmes',
    male: 'Hommes',
    unknown: 'Sexe non renseigné',
  },
  ages: {
    under_18: 'Moins de 18 ans',
    age_18_35: '18–35 ans',
    age_36_plus: '36 ans et plus',
    unknown: 'Âge non renseigné',
  },
};
