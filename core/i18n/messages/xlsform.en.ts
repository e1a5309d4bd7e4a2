import type { ServerCatalogue } from '../server-fr.js';

/** The words of the XLSForm Jalon writes for KoboToolbox and ODK, in English. */
export const xlsformEn: ServerCatalogue['xlsform'] = {
  formTitle: '{{code}} — field activities',
  fileWord: 'kobo-odk-form',
  groups: {
    activity: 'Activity',
    place: 'Place',
    participants: 'Participants',
    photos: 'Photos',
  },
  questions: {
    title: 'Title of the activity',
    kind: 'Type of activity',
    organisation: 'Responsible agency',
    partner: 'Implementing partner',
    output: 'Output of the results framework',
    indicators: 'Indicators the activity contributes to',
    startDate: 'Start date',
    endDate: 'End date',
    description: 'Description, observations',
    countBasis: 'How are participants counted?',
    region: 'Region',
    cercle: 'Cercle',
    commune: 'Commune',
    village: 'Village, neighbourhood or site',
    categories: 'Categories of participants present',
    cell: '{{sex}}, {{age}}',
    total: 'Total participants: ${total_participants}',
    photo: 'Photo {{n}}',
  },
  hints: {
    startDate: 'Between {{start}} and {{end}}, the programme’s dates.',
    categories: 'Tick each category, then count its participants by sex and age.',
    cells: 'Leave empty what does not apply.',
  },
  constraints: {
    startDate: 'The date must be within the programme ({{start}} – {{end}}).',
    endDate: 'The end date cannot be before the start date.',
    count: 'A whole number of people, from 0 to {{max}}.',
  },
};
