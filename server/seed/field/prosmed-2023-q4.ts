// Source: ../shared/seeds/004_a7a0fb7ff824f039.txt (PROSMED quarterly report, October–December 2023).
//
// The report's activities, entered as an M&E officer would: one activity per place and session, participants
// by category × sex × age group. Where the report gives a total by sex over several places, the split between
// places is ours (the totals are the report's, to the person); where it gives no sex or age, they are
// recorded as unknown — never guessed. Dates inside the quarter are the report's where it gives them (the
// AZHAR photos of October, the steering committee of 15 December), otherwise placed in the quarter.
// Agencies: the report names PNUD, ONU Femmes and ONUDC without saying who ran what; the land and gender
// sensitisations are given to ONU Femmes, prevention of violent extremism to ONUDC, the rest to PNUD.
import type { ActivityCreate, ParticipantWrite } from '../../../core/contracts/activities.js';
import type { IndicatorRuleInput } from '../../../core/contracts/indicator-data.js';

export interface DemoPhoto {
  /** file in ./photos */
  file: string;
  caption: { fr: string; en: string };
  credit: string;
  takenOn?: string;
}
export interface DemoActivity extends ActivityCreate {
  /** stable key: a second seeding skips what is there */
  key: string;
  photos?: DemoPhoto[];
}

type Cell = [
  ParticipantWrite['category'],
  ParticipantWrite['sex'],
  ParticipantWrite['ageGroup'],
  number,
  string?,
];
const people = (cells: Cell[]): ParticipantWrite[] =>
  cells.map(([category, sex, ageGroup, count, area]) => ({
    category,
    sex,
    ageGroup,
    count,
    ...(area ? { area } : {}),
  }));

const AZHAR = '© ONG AZHAR/Octobre 2023';
const PNUD = '© PNUD Mali';
const land = {
  fr: 'Sensibilisation communautaire, avec un focus sur les femmes et les jeunes, sur les mécanismes formels et informels de gestion de conflit relatifs au foncier.',
  en: 'Community awareness session, focused on women and young people, on formal and informal mechanisms for managing land conflicts.',
};

// ---- Résultat 1: 8 peace infrastructures (Diéma, Bla, Niono, San, Mopti) ----
const infrastructures: DemoActivity[] = [
  {
    key: 'q4-2023-infra-niono',
    kind: 'infrastructure' as const,
    title: {
      fr: 'Parc de vaccination de bétail — commune de Niono',
      en: 'Livestock vaccination park — Niono commune',
    },
    startDate: '2023-10-12',
    places: [{ area: 'ML-4.NIONO.NIONO' }],
    quantity: 1,
    quantityUnit: 'infrastructures',
  },
  {
    key: 'q4-2023-infra-kala-siguida',
    kind: 'infrastructure' as const,
    title: {
      fr: 'Parc de vaccination de bétail — commune de Kala-Siguida',
      en: 'Livestock vaccination park — Kala-Siguida commune',
    },
    startDate: '2023-10-19',
    places: [{ area: 'Kala-Siguida' }],
    quantity: 1,
    quantityUnit: 'infrastructures',
  },
  {
    key: 'q4-2023-infra-korodougou',
    kind: 'infrastructure' as const,
    title: { fr: 'Mare piscicole — commune de Korodougou', en: 'Fish pond — Korodougou commune' },
    startDate: '2023-10-26',
    places: [{ area: 'Korodougou' }],
    quantity: 1,
    quantityUnit: 'infrastructures',
  },
  {
    key: 'q4-2023-infra-groumera',
    kind: 'infrastructure' as const,
    title: {
      fr: 'Forage communautaire équipé d’une pompe solaire — commune de Grouméra',
      en: 'Community borehole fitted with a solar pump — Grouméra commune',
    },
    startDate: '2023-10-30',
    places: [{ area: 'Grouméra' }],
    quantity: 1,
    quantityUnit: 'infrastructures',
    photos: [
      {
        file: 'inauguration-forage-groumera.jpg',
        caption: {
          fr: 'Inauguration du forage avec pompe solaire dans la commune de Grouméra',
          en: 'Opening of the solar-powered borehole in Grouméra commune',
        },
        credit: AZHAR,
        takenOn: '2023-10-30',
      },
    ],
  },
  {
    key: 'q4-2023-infra-piste-pastorale',
    kind: 'infrastructure' as const,
    title: {
      fr: 'Balisage de piste pastorale reliant les communes de Fatoma, Kounari et Bassiro',
      en: 'Marking of a livestock corridor linking Fatoma, Kounari and Bassiro communes',
    },
    description: 'Un tronçon balisé par commune traversée : trois infrastructures de paix (cercle de Mopti).',
    startDate: '2023-11-09',
    places: [{ area: 'Fatoma' }, { area: 'Kounari' }, { area: 'Bassiro' }],
    quantity: 3,
    quantityUnit: 'infrastructures',
  },
  {
    key: 'q4-2023-infra-san',
    kind: 'infrastructure' as const,
    title: { fr: 'Infrastructure de paix — cercle de San', en: 'Peace infrastructure — San cercle' },
    description:
      'Le rapport compte une infrastructure dans le cercle de San sans en préciser la nature ni la commune.',
    startDate: '2023-11-16',
    places: [{ area: 'San' }],
    quantity: 1,
    quantityUnit: 'infrastructures',
  },
].map((a) => ({
  ...a,
  organisation: 'UNDP',
  partner: 'ONG AZHAR',
  output: '1.2',
  indicators: ['1.2.3'],
  countBasis: 'distinct' as const,
}));

// ---- Résultat 1: 2 workshops with land commissions, 26 (5 women) ----
const landWorkshops: DemoActivity[] = [
  {
    key: 'q4-2023-atelier-cofo-segou',
    place: 'Ségou',
    date: '2023-11-21',
    cells: [
      ['magistrates', 'male', 'unknown', 4],
      ['justice_personnel', 'male', 'unknown', 2],
      ['justice_personnel', 'female', 'unknown', 1],
      ['conflict_mechanism_members', 'male', 'unknown', 3],
      ['conflict_mechanism_members', 'female', 'unknown', 1],
      ['civil_society', 'male', 'unknown', 1],
      ['civil_society', 'female', 'unknown', 1],
    ] as Cell[],
  },
  {
    key: 'q4-2023-atelier-cofo-san',
    place: 'San',
    date: '2023-11-28',
    cells: [
      ['magistrates', 'male', 'unknown', 3],
      ['justice_personnel', 'male', 'unknown', 3],
      ['conflict_mechanism_members', 'male', 'unknown', 4],
      ['conflict_mechanism_members', 'female', 'unknown', 1],
      ['civil_society', 'male', 'unknown', 1],
      ['civil_society', 'female', 'unknown', 1],
    ] as Cell[],
  },
].map(({ key, place, date, cells }) => ({
  key,
  kind: 'workshop' as const,
  title: {
    fr: `Atelier sur l’application des textes fonciers et l’homologation des PV des Cofos — cercle de ${place}`,
    en: `Workshop on land law and the approval of land commission (Cofo) records — ${place} cercle`,
  },
  startDate: date,
  endDate: date,
  organisation: 'UNDP',
  partner: 'ONG AZHAR',
  output: '1.2',
  indicators: ['1.2.2'],
  places: [{ area: place }],
  countBasis: 'distinct' as const,
  participants: people(cells),
}));

// ---- Résultat 1: sensitisations on land conflicts, 872 (556 women) in five cercles ----
// per cercle: [local authorities (men), association members F, M, other community members F, M]
const sensitisationSplit: [string, string, number, number, number, number, number][] = [
  ['Ségou', '2023-10-05', 7, 86, 39, 32, 20],
  ['Bla', '2023-10-10', 6, 80, 38, 31, 19],
  ['Niono', '2023-10-17', 6, 79, 37, 30, 20],
  ['San', '2023-10-24', 6, 82, 38, 32, 20],
  ['Bandiagara', '2023-10-31', 6, 75, 35, 29, 19],
];
const sensitisations: DemoActivity[] = sensitisationSplit.map(
  ([place, date, authorities, af, am, cf, cm], i) => ({
    key: `q4-2023-sensibilisation-foncier-${place.toLowerCase()}`,
    kind: 'sensitisation',
    title: {
      fr: `Sensibilisation (mass média / public show) sur la gestion des conflits fonciers — cercle de ${place}`,
      en: `Awareness session (mass media / public show) on managing land conflicts — ${place} cercle`,
    },
    startDate: date,
    organisation: 'UNWOMEN',
    partner: 'ONG AZHAR',
    output: '1.3',
    indicators: ['1.3.2'],
    places: [{ area: place }],
    countBasis: 'distinct',
    participants: people([
      ['local_authorities', 'male', 'unknown', authorities],
      ['women_youth_associations', 'female', 'unknown', af],
      ['women_youth_associations', 'male', 'unknown', am],
      ['community_members', 'female', 'unknown', cf],
      ['community_members', 'male', 'unknown', cm],
    ]),
    ...(i < 2
      ? {
          photos: [
            {
              file: i === 0 ? 'sensibilisation-fonciere-1.jpg' : 'sensibilisation-fonciere-2.jpg',
              caption: land,
              credit: AZHAR,
              takenOn: date,
            },
          ],
        }
      : {}),
  }),
);

// ---- Résultat 2: security and justice ----
const opjCercles: [string, number][] = [
  ['Djénné', 4],
  ['Mopti', 5],
  ['Bandiagara', 4],
  ['Bankass', 4],
  ['Koro', 4],
  ['Douentza', 4],
];
const magistrateCercles = [
  'Mopti',
  'Djenné',
  'Koro',
  'Bankass',
  'Bandiagara',
  'Douentza',
  'Ségou',
  'Niono',
  'Bla',
  'Macina',
  'Tominian',
  'San',
  'Gao',
  'Ansongo',
  'Ménaka',
  'Diéma',
];
const securityJustice: DemoActivity[] = [
  {
    key: 'q4-2023-formation-opj',
    kind: 'training',
    title: {
      fr: 'Renforcement de capacités des agents et officiers de police judiciaire sur la conduite des enquêtes et les techniques d’audition',
      en: 'Training of judicial police officers on conducting investigations and interview techniques',
    },
    description: 'Deux semaines de formation ; le rapport ne donne pas la répartition par sexe.',
    startDate: '2023-11-06',
    endDate: '2023-11-17',
    organisation: 'UNDP',
    output: '2.1',
    indicators: ['2.1.3'],
    places: [{ area: 'Mopti' }],
    countBasis: 'distinct',
    // the officers came from six cercles: the map places them where they serve
    participants: people(opjCercles.map(([c, n]) => ['judicial_police', 'unknown', 'unknown', n, c] as Cell)),
  },
  {
    key: 'q4-2023-remise-infrastructures-securite',
    kind: 'infrastructure' as const,
    title: {
      fr: 'Remise officielle de 14 infrastructures de sécurité au ministère de la Sécurité et de la Protection civile',
      en: 'Official handover of 14 security infrastructures to the Ministry of Security and Civil Protection',
    },
    startDate: '2023-12-05',
    organisation: 'UNDP',
    partner: 'MSPC',
    output: '2.1',
    indicators: ['2.1.2'],
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    quantity: 14,
    quantityUnit: 'infrastructures',
    photos: [
      {
        file: 'commissariat-yorosso.jpg',
        caption: { fr: 'Commissariat de police de Yorosso', en: 'Yorosso police station' },
        credit: PNUD,
      },
    ],
  },
  {
    key: 'q4-2023-formation-communication-judiciaire',
    kind: 'training',
    title: {
      fr: 'Atelier de formation en communication judiciaire (INFJ)',
      en: 'Training workshop on judicial communication (INFJ)',
    },
    startDate: '2023-10-23',
    endDate: '2023-10-27',
    organisation: 'UNDP',
    partner: 'INFJ',
    output: '2.2',
    indicators: ['2.2.3'],
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    participants: people([
      ['magistrates', 'male', 'unknown', 17],
      ['magistrates', 'female', 'unknown', 1],
    ]),
    photos: [
      {
        file: 'formation-communication-judiciaire.jpg',
        caption: {
          fr: 'Formation en communication judiciaire des procureurs des juridictions',
          en: 'Judicial communication training for public prosecutors',
        },
        credit: PNUD,
      },
    ],
  },
  {
    key: 'q4-2023-formation-management-juridictions',
    kind: 'training',
    title: {
      fr: 'Formation des magistrats des juridictions ordinaires sur le management des juridictions (INFJ)',
      en: 'Training of magistrates of the ordinary courts on court management (INFJ)',
    },
    description: '23 magistrats de 16 cercles des zones d’intervention du programme.',
    startDate: '2023-11-13',
    endDate: '2023-11-17',
    organisation: 'UNDP',
    partner: 'INFJ',
    output: '2.2',
    indicators: ['2.2.3'],
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    participants: people(
      magistrateCercles.map((c, i) => ['magistrates', 'male', 'unknown', i < 7 ? 2 : 1, c] as Cell),
    ),
  },
  {
    key: 'q4-2023-atelier-points-focaux-lopj',
    kind: 'workshop',
    title: {
      fr: 'Atelier de renforcement des capacités des 20 points focaux planification et suivi-évaluation de la LOPJ',
      en: 'Capacity-building workshop for the 20 planning and M&E focal points of the justice programming law (LOPJ)',
    },
    startDate: '2023-12-12',
    organisation: 'UNDP',
    partner: 'MJDH',
    output: '2.2',
    indicators: ['2.2.1'],
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    participants: people([['government_officials', 'unknown', 'unknown', 20]]),
  },
];

// ---- Résultat 2: 27 activities of the security advisory committees (CCS) ----
const ccsPlaces = ['Nara', 'Ségou', 'San', 'Bla', 'Niono', 'Macina', 'Tominian', 'Mopti', 'Djenné'];
const ccs: DemoActivity[] = Array.from({ length: 27 }, (_, i) => {
  const place = ccsPlaces[i % ccsPlaces.length]!;
  const day = 2 + ((i * 3) % 26);
  const month = 10 + Math.floor(i / 9);
  const football = i === 0;
  const march = i === 1;
  return {
    key: `q4-2023-ccs-${String(i + 1).padStart(2, '0')}`,
    kind: football || march ? 'event' : 'sensitisation',
    title: football
      ? {
          fr: 'Journée porte ouverte des FDS dédiée à la police : match de football avec la population (CCS de Nara)',
          en: 'Security forces open day dedicated to the police: football match with the population (Nara CCS)',
        }
      : march
        ? {
            fr: 'Marche sportive des CCS de Ségou avec la population',
            en: 'Sports walk of the Ségou CCS with the population',
          }
        : {
            fr: `Sensibilisation pour la restauration de la confiance entre la population et les FDS (CCS de ${place})`,
            en: `Awareness session restoring trust between the population and the security forces (${place} CCS)`,
          },
    description: 'Le rapport compte les activités sans en donner le nombre de participants.',
    startDate: `2023-${month}-${String(day).padStart(2, '0')}`,
    organisation: 'UNDP',
    partner: `Comité consultatif de sécurité de ${place}`,
    output: '2.3',
    indicators: ['2.3.2'],
    places: [{ area: place }],
    countBasis: 'attendance',
    ...(march
      ? {
          photos: [
            {
              file: 'marche-ccs-segou.jpg',
              caption: {
                fr: 'Marche sportive des CCS de Ségou avec la population',
                en: 'Sports walk of the Ségou CCS with the population',
              },
              credit: PNUD,
            },
          ],
        }
      : {}),
  } satisfies DemoActivity;
});

// ---- Résultat 3: corruption ----
const corruption: DemoActivity[] = [
  {
    key: 'q4-2023-lancement-snlc',
    kind: 'event',
    title: {
      fr: 'Atelier de lancement officiel des activités de la Stratégie nationale de lutte contre la corruption',
      en: 'Official launch workshop of the National Anti-Corruption Strategy activities',
    },
    description: 'Sous la présidence du Premier ministre, Chef du Gouvernement.',
    startDate: '2023-10-16',
    organisation: 'UNDP',
    partner: 'Ministère de la Refondation de l’Etat',
    output: '3.2',
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    photos: [
      {
        file: 'lancement-snlc.jpg',
        caption: {
          fr: 'Lancement de la stratégie nationale de lutte contre la corruption',
          en: 'Launch of the national anti-corruption strategy',
        },
        credit: PNUD,
      },
    ],
  },
  {
    key: 'q4-2023-copil-snlc',
    kind: 'meeting',
    title: {
      fr: 'Réunion inaugurale du comité de pilotage de la Stratégie nationale de lutte contre la corruption : validation du plan d’action 2024',
      en: 'Inaugural meeting of the National Anti-Corruption Strategy steering committee: 2024 action plan validated',
    },
    description: 'Une trentaine de représentants des ministères et du cabinet du Premier ministre.',
    startDate: '2023-11-23',
    organisation: 'UNDP',
    partner: 'Ministère de la Refondation de l’Etat',
    output: '3.2',
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    participants: people([['government_officials', 'unknown', 'unknown', 30]]),
  },
  {
    key: 'q4-2023-ena-cnucc',
    kind: 'workshop',
    title: {
      fr: 'Atelier de présentation et de diffusion de la Convention des Nations unies contre la corruption aux élèves de l’ENA (semaine nationale de lutte contre la corruption)',
      en: 'Workshop presenting the United Nations Convention against Corruption to ENA students (national anti-corruption week)',
    },
    startDate: '2023-12-07',
    organisation: 'UNDP',
    partner: 'OCLEI',
    output: '3.3',
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    participants: people([['students', 'unknown', 'unknown', 140]]),
  },
];

// ---- Résultat 4: prevention of violent extremism ----
const religiousMeetings: [string, string, number, number][] = [
  ['Nara', '2023-10-04', 8, 2],
  ['Koutiala', '2023-10-06', 8, 3],
  ['Ségou', '2023-10-11', 8, 3],
  ['Bla', '2023-10-13', 7, 3],
  ['Yorosso', '2023-10-18', 7, 3],
  ['Commune I', '2023-10-20', 8, 3],
  ['Commune IV', '2023-10-25', 7, 3],
  ['Commune IV', '2023-11-29', 8, 2],
];
const dialogues: [string, string, number, number, number, number][] = [
  // [commune, date, women 18–35, women 36+, men 18–35, men 36+]
  ['Yorosso', '2023-11-08', 9, 5, 18, 9],
  ['Koutiala', '2023-11-10', 9, 5, 19, 9],
  ['Bla', '2023-11-15', 9, 4, 18, 9],
  ['Ségou', '2023-11-17', 9, 5, 19, 10],
  ['Nara', '2023-11-22', 9, 4, 18, 10],
];
const contest: [string, string, number, number][] = [
  // [cercle, date, girls, boys]
  ['Nara', '2023-12-04', 22, 32],
  ['Ségou', '2023-12-06', 23, 33],
  ['Bla', '2023-12-08', 21, 32],
  ['Koutiala', '2023-12-11', 22, 33],
  ['Yorosso', '2023-12-13', 22, 32],
];
const pve: DemoActivity[] = [
  ...religiousMeetings.map(([place, date, men, women], i) => ({
    key: `q4-2023-comite-local-pev-${i + 1}`,
    kind: 'meeting' as const,
    title: {
      fr: `Réunion du comité local d’orientation du projet de lutte contre l’extrémisme violent et de sélection des messages (${place})`,
      en: `Meeting of the local steering committee on preventing violent extremism and choosing messages (${place})`,
    },
    startDate: date,
    organisation: 'UNODC',
    partner: 'Think-Peace',
    output: '4.2',
    indicators: ['4.2.1'],
    places: [{ area: place }],
    countBasis: 'distinct' as const,
    participants: people([
      ['religious_actors', 'male', 'unknown', men],
      ['religious_actors', 'female', 'unknown', women],
    ]),
  })),
  ...dialogues.map(([place, date, fy, fo, my, mo]) => ({
    key: `q4-2023-cadre-echange-${place.toLowerCase()}`,
    kind: 'dialogue' as const,
    title: {
      fr: `Cadre d’échanges entre jeunes, femmes et autorités locales sur la désinformation — commune de ${place}`,
      en: `Dialogue between young people, women and local authorities on disinformation — ${place} commune`,
    },
    startDate: date,
    organisation: 'UNODC',
    partner: 'Think-Peace',
    output: '4.2',
    indicators: ['4.2.2'],
    places: [{ area: `commune de ${place}` }],
    countBasis: 'distinct' as const,
    participants: people([
      ['community_members', 'female', 'age_18_35', fy],
      ['community_members', 'female', 'age_36_plus', fo],
      ['community_members', 'male', 'age_18_35', my],
      ['community_members', 'male', 'age_36_plus', mo],
    ]),
  })),
  ...contest.map(([place, date, girls, boys], i) => ({
    key: `q4-2023-concours-pev-${place.toLowerCase()}`,
    kind: 'event' as const,
    title: {
      fr: `Concours d’innovation des élèves du secondaire et des medersas sur la prévention de l’extrémisme violent — cercle de ${place}`,
      en: `Innovation contest of secondary and madrasa pupils on preventing violent extremism — ${place} cercle`,
    },
    startDate: date,
    organisation: 'UNODC',
    partner: 'Think-Peace',
    output: '4.3',
    indicators: ['4.3.1'],
    places: [{ area: place }],
    countBasis: 'distinct' as const,
    participants: people([
      ['pupils', 'female', 'under_18', girls],
      ['pupils', 'male', 'under_18', boys],
    ]),
    ...(i === 3
      ? {
          photos: [
            {
              file: 'pev-medersas-koutiala.jpg',
              caption: {
                fr: 'Animation des sessions de Prévention de l’Extrémisme Violent par les enseignants des medersas aux élèves à Koutiala',
                en: 'Madrasa teachers leading sessions on preventing violent extremism with pupils in Koutiala',
              },
              credit: '© Think-Peace',
            },
          ],
        }
      : {}),
  })),
  {
    key: 'q4-2023-projection-bd-medersas',
    kind: 'sensitisation',
    title: {
      fr: 'Sensibilisation des élèves de medersa en classe par la projection de bandes dessinées en 3D sur les conséquences de l’extrémisme violent',
      en: 'Classroom awareness sessions for madrasa pupils with 3D comics on the consequences of violent extremism',
    },
    startDate: '2023-12-15',
    organisation: 'UNODC',
    partner: 'Think-Peace',
    output: '4.3',
    indicators: ['4.3.1'],
    places: [{ area: 'Koutiala' }],
    countBasis: 'distinct',
    participants: people([
      ['pupils', 'female', 'under_18', 83],
      ['pupils', 'male', 'under_18', 142],
    ]),
  },
];

// ---- Steering committee ----
const steering: DemoActivity[] = [
  {
    key: 'q4-2023-copil-prosmed-3',
    kind: 'meeting',
    title: {
      fr: '3ème Comité de pilotage du PROSMED : bilan 2023, plan d’action 2024 et évaluation à mi-parcours',
      en: 'Third PROSMED steering committee: 2023 review, 2024 action plan and mid-term evaluation',
    },
    description:
      'Maison commune des Nations Unies, Bamako, en présence des partenaires de mise en œuvre, des partenaires financiers et des ministères bénéficiaires.',
    startDate: '2023-12-15',
    organisation: 'UNDP',
    places: [{ area: 'Bamako' }],
    countBasis: 'distinct',
    photos: [
      {
        file: 'copil-prosmed-1.jpg',
        caption: { fr: '3ème Comité de pilotage du PROSMED', en: 'Third PROSMED steering committee' },
        credit: PNUD,
        takenOn: '2023-12-15',
      },
      {
        file: 'copil-prosmed-2.jpg',
        caption: { fr: '3ème Comité de pilotage du PROSMED', en: 'Third PROSMED steering committee' },
        credit: PNUD,
        takenOn: '2023-12-15',
      },
    ],
  },
];

// ---- The planned activity of the work plan each one carries out ----
// The quarterly report does not say which line of the work plan (seed 003, section V:
// ../finance/prosmed-workplan.ts) an activity carries out. It is inferred here, and only where it is certain:
// the activity is recorded under the planned activity's output, and the planned activity's title or the
// bullets of its description name what the activity is. Left unlinked, because two planned activities fit or
// none does:
//   - the land-conflict sensitisations (output 1.3): their wording is a bullet of 1.2.2, whose output is 1.2;
//   - the workshop of the LOPJ focal points (2.2): justice reform (2.2.1) or capacities (2.2.9);
//   - the UNCAC workshop for ENA students (3.3): 3.3.3 is for the populations of the targeted areas;
//   - the local PVE steering committees of religious actors (4.2): 4.2.2 (religious actors) or 4.2.4
//     (messages countering radical speech);
//   - the pupils' innovation contests (4.3): 4.3.1 (learners) or 4.3.3 (young peace ambassadors);
//   - PROSMED's steering committee: the programme's management, not an activity of the plan.
const carriesOut: [RegExp, string][] = [
  // "Appui à la réalisation d'infrastructures de paix" (1.2.3): the parks, ponds, borehole, corridor
  [/^q4-2023-infra-/, '1.2.3'],
  // "redynamisation de Commissions foncières (COFO)" (1.2.2): the workshops on the Cofos' records
  [/^q4-2023-atelier-cofo-/, '1.2.2'],
  // "renforcement des capacités des forces de sécurité … police et gendarmerie" (2.1.3)
  [/^q4-2023-formation-opj$/, '2.1.3'],
  // "présence des forces de sécurité dans le centre", its bullets the commissariats (Yorosso among them) (2.1.2)
  [/^q4-2023-remise-infrastructures-securite$/, '2.1.2'],
  // "formations continues/spécialisées par l'INFJ" (2.2.9)
  [/^q4-2023-formation-(communication-judiciaire|management-juridictions)$/, '2.2.9'],
  // "mise en œuvre des plans d'action des CCS" (2.3.2, community policing)
  [/^q4-2023-ccs-/, '2.3.2'],
  // "stratégie nationale de lutte contre la corruption" (3.2.1): its launch and its steering committee
  [/^q4-2023-(lancement|copil)-snlc$/, '3.2.1'],
  // "dialogues inter et intracommunautaires" (4.2.3): the dialogues on disinformation
  [/^q4-2023-cadre-echange-/, '4.2.3'],
  // "approches pédagogiques pour renforcer la résilience des apprenants" (4.3.1): comics shown in class
  [/^q4-2023-projection-bd-medersas$/, '4.3.1'],
];

export const prosmedQ4Activities: DemoActivity[] = [
  ...infrastructures,
  ...landWorkshops,
  ...sensitisations,
  ...securityJustice,
  ...ccs,
  ...corruption,
  ...pve,
  ...steering,
].map((a) => ({
  recordedBy: 'Chargé de suivi-évaluation PROSMED (démo)',
  ...a,
  workPlanActivity: carriesOut.find(([key]) => key.test(a.key))?.[1] ?? null,
}));

/** How PROSMED's indicators are computed from the activities (by indicator code). */
export const prosmedRules: Record<string, IndicatorRuleInput> = {
  '1.2.2': { kind: 'sum_participants' },
  '1.2.3': { kind: 'sum_quantity', activityKinds: ['infrastructure'] },
  '1.3.2': { kind: 'sum_participants' },
  '2.1.2': { kind: 'sum_quantity', activityKinds: ['infrastructure'] },
  '2.1.3': { kind: 'sum_participants', categories: ['judicial_police', 'security_forces'] },
  '2.2.3': { kind: 'sum_participants', categories: ['magistrates', 'justice_personnel'] },
  '2.3.2': { kind: 'sum_participants' },
  '4.2.1': { kind: 'sum_participants', categories: ['religious_actors'] },
  '4.2.2': { kind: 'sum_participants' },
  '4.3.1': { kind: 'sum_participants', ageGroups: ['under_18', 'age_18_35'] },
};
