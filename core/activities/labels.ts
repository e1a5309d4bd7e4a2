/**
 * The labels of field data's coded values in French and English, for documents and spreadsheets (the web app
 * has them in its catalogues). The importers also accept these labels for the codes.
 */
import type { LocalizedText } from '../contracts/programme-document.js';
import type { ActivityKind, AgeGroup, CountBasis, ParticipantCategory, Sex } from './vocabulary.js';

const l = (fr: string, en: string): Required<LocalizedText> => ({ fr, en });

export const kindLabels: Record<ActivityKind, Required<LocalizedText>> = {
  training: l('Formation', 'Training'),
  sensitisation: l('Sensibilisation', 'Awareness session'),
  workshop: l('Atelier', 'Workshop'),
  meeting: l('Réunion', 'Meeting'),
  dialogue: l('Dialogue', 'Dialogue'),
  infrastructure: l('Infrastructure', 'Infrastructure'),
  event: l('Événement', 'Event'),
  other: l('Autre', 'Other'),
};

export const categoryLabels: Record<ParticipantCategory, Required<LocalizedText>> = {
  local_authorities: l('Autorités locales et traditionnelles', 'Local and traditional authorities'),
  women_youth_associations: l(
    'Membres d’associations de femmes et de jeunes',
    'Members of women’s and youth associations',
  ),
  community_members: l('Membres des communautés', 'Community members'),
  conflict_mechanism_members: l(
    'Membres des mécanismes de gestion des conflits',
    'Members of conflict management bodies',
  ),
  magistrates: l('Magistrats', 'Magistrates'),
  justice_personnel: l('Personnel de justice', 'Justice personnel'),
  judicial_police: l('Agents et officiers de police judiciaire', 'Judicial police officers'),
  security_forces: l('Forces de défense et de sécurité', 'Defence and security forces'),
  religious_actors: l('Acteurs religieux', 'Religious actors'),
  pupils: l('Élèves', 'Pupils'),
  students: l('Étudiants', 'Students'),
  teachers: l('Enseignants', 'Teachers'),
  civil_society: l('Société civile', 'Civil society'),
  government_officials: l('Représentants de l’administration', 'Government officials'),
  media: l('Médias', 'Media'),
  other: l('Autres', 'Others'),
};

export const countBasisLabels: Record<CountBasis, Required<LocalizedText>> = {
  distinct: l('distinctes', 'distinct'),
  attendance: l('présences', 'attendances'),
};

export const sexLabels: Record<Sex, Required<LocalizedText>> = {
  female: l('Femmes', 'Women'),
  male: l('Hommes', 'Men'),
  unknown: l('Sexe non renseigné', 'Sex not recorded'),
};

export const ageLabels: Record<AgeGroup, Required<LocalizedText>> = {
  under_18: l('Moins de 18 ans', 'Under 18'),
  age_18_35: l('18–35 ans', '18–35'),
  age_36_plus: l('36 ans et plus', '36 and over'),
  unknown: l('Âge non renseigné', 'Age not recorded'),
};
