/**
 * The PBF project progress report, as data. Version 2020 is the template the seeds are written in (with its
 * Part IV on COVID-19); version 2022 is the same without Part IV. Labels are the template's own; the English
 * ones follow the Fund's English template.
 */
import type { ReportTemplateInput, TemplateField } from '../../contracts/report-template.js';

type Field = Omit<TemplateField, 'type'> & { type: TemplateField['type'] };

/**
 * A whole number with its thousands grouped as `toLocaleString` writes it (French: a narrow no-break space,
 * English: a comma), without ICU: this module is loaded at every start, and `toLocaleString` at load was ICU's
 * first use there (≈ 10 ms of CPU; issue 20, item 4). `pbf-progress-report.test.ts` compares it with ICU.
 */
const grouped = (n: number, separator: string) => String(n).replace(/\B(?=(\d{3})+$)/g, separator);

const limit = (n: number) => ({
  fr: `Limite de ${grouped(n, '\u202f')} caractères`,
  en: `Limit of ${grouped(n, ',')} characters`,
});

const derived = (id: string, key: NonNullable<Field['derived']>, fr: string, en: string): Field => ({
  id,
  type: 'derived',
  derived: key,
  label: { fr, en },
});

const header: Field[] = [
  derived('country', 'country', 'Pays', 'Country'),
  derived(
    'report_type',
    'report_type',
    'Type de rapport : semestriel, annuel ou final',
    'Type of report: semi-annual, annual or final',
  ),
  derived('report_year', 'report_year', 'Année de rapport', 'Year of report'),
  derived('project_title', 'project_title', 'Titre du projet', 'Project title'),
  derived('gateway_id', 'gateway_id', 'Numéro Projet / MPTF Gateway', 'Project number from MPTF-O Gateway'),
  derived(
    'trust_fund',
    'trust_fund',
    'Si le financement passe par un Fonds Fiduciaire (« Trust fund »)',
    'If funding is disbursed into a national or regional trust fund',
  ),
  derived(
    'recipients',
    'recipients',
    "Type et nom d'agence récipiendaire",
    'Type and name of recipient organizations',
  ),
  derived(
    'first_transfer_date',
    'first_transfer_date',
    'Date du premier transfert de fonds',
    'Date of first transfer',
  ),
  derived('end_date', 'end_date', 'Date de fin de projet', 'Project end date'),
  derived(
    'last_six_months',
    'last_six_months',
    'Le projet est-il dans ces six derniers mois de mise en œuvre ?',
    'Is the current project end date within 6 months?',
  ),
  derived(
    'priority_windows',
    'priority_windows',
    "Est-ce que le projet fait part d'une des fenêtres prioritaires spécifiques du PBF",
    'Check if the project falls under one of the specific PBF priority windows',
  ),
  derived(
    'budget_by_recipient',
    'budget_by_recipient',
    'Budget PBF total approuvé (par agence récipiendaire)',
    'Total PBF approved project budget (by recipient organization)',
  ),
  {
    id: 'implementation_rate',
    type: 'percent',
    prefill: 'implementation_rate',
    label: {
      fr: 'Taux de mise en œuvre approximatif comme pourcentage du budget total du projet',
      en: 'Approximate implementation rate as percentage of total project budget',
    },
  },
  derived(
    'gender_budget_allocated',
    'gender_budget_allocated',
    "Indiquez le montant ($) du budget dans le document de projet alloué aux activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes",
    "Indicate dollar amount from the project document to be allocated to activities focussed on gender equality or women's empowerment",
  ),
  {
    id: 'gender_budget_spent',
    type: 'money',
    prefill: 'gender_budget_spent',
    label: {
      fr: "Indiquez le montant ($) du budget dépensé jusqu'à maintenant pour les activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes",
      en: "Amount expended to date on activities focussed on gender equality or women's empowerment",
    },
  },
  derived('gender_marker', 'gender_marker', 'Marqueur de genre du projet', 'Project gender marker'),
  derived('risk_marker', 'risk_marker', 'Marqueur de risque du projet', 'Project risk marker'),
  derived(
    'focus_area',
    'focus_area',
    "Domaine de priorité de l'intervention PBF (« PBF focus area »)",
    'PBF focus area',
  ),
  {
    id: 'prepared_by',
    type: 'short_text',
    maxLength: 300,
    label: { fr: 'Rapport préparé par', en: 'Project report prepared by' },
  },
  {
    id: 'approved_by',
    type: 'short_text',
    maxLength: 300,
    label: { fr: 'Rapport approuvé par', en: 'Project report approved by' },
  },
  {
    id: 'secretariat_reviewed',
    type: 'yes_no',
    label: {
      fr: 'Le Secrétariat PBF a-t-il revu le rapport',
      en: 'Did PBF Secretariat review the report?',
    },
  },
];

const partOne: Field[] = [
  {
    id: 'overall_status',
    type: 'text',
    maxLength: 1500,
    required: true,
    label: {
      fr: "Expliquer brièvement l'état global de mise en œuvre du projet en termes de cycle de mise en œuvre, y compris si toutes les activités préparatoires ont été achevées (par exemple, contractualisation des partenaires, recrutement du personnel etc.)",
      en: 'Briefly explain the status of the project in terms of its implementation cycle, including whether preliminary/preparatory activities have been completed (i.e. contracting of partners, staff recruitment, etc.)',
    },
    guidance: limit(1500),
  },
  {
    id: 'upcoming_events',
    type: 'text',
    maxLength: 1000,
    label: {
      fr: 'Veuillez indiquer tout événement important lié au projet prévu au cours des six prochains mois, par exemple : les dialogues nationaux, les congrès des jeunes, les projections de films',
      en: 'Please indicate any significant project-related events anticipated in the next six months, i.e. national dialogues, youth congresses, film screenings, etc.',
    },
    guidance: limit(1000),
  },
  {
    id: 'structural_change',
    type: 'text',
    maxLength: 1500,
    condition: 'last_six_months',
    label: {
      fr: 'Résumez le principal changement structurel, institutionnel ou sociétal auquel le projet a approuvé. Ceci n’est pas une anecdote ou une liste des activités individuelles accomplies, mais une description de progrès fait vers l’objectif principal du projet.',
      en: 'Considering the project’s implementation cycle, please rate this project’s overall progress towards results to date, and describe the main structural, institutional or societal change the project has contributed to. This is not anticipated to be a summary of activities, but a description of progress made towards the main purpose of the project.',
    },
    guidance: {
      fr: `Seulement pour les projets dans leurs six derniers mois. ${limit(1500).fr}`,
      en: `Only for projects in their last six months. ${limit(1500).en}`,
    },
  },
  {
    id: 'human_impact',
    type: 'text',
    maxLength: 2000,
    condition: 'last_six_months',
    label: {
      fr: 'En quelques phrases, expliquez comment le projet a eu un impact humain réel. Ceci peut inclure un exemple spécifique de comment il a affecté la vie des personnes dans le pays - si possible, utilisez des citations directes des bénéficiaires ou des weblinks à la communication stratégique publiée.',
      en: 'In a few sentences, explain whether the project has had a positive human impact. May include anecdotal stories about the project’s positive effect on the people’s lives. Include direct quotes where possible or weblinks to strategic communications pieces.',
    },
    guidance: {
      fr: `Seulement pour les projets dans leurs six derniers mois. ${limit(2000).fr}`,
      en: `Only for projects in their last six months. ${limit(2000).en}`,
    },
  },
];

const outcomeFields: Field[] = [
  {
    id: 'progress_summary',
    type: 'text',
    maxLength: 3000,
    required: true,
    label: { fr: 'Résumé de progrès', en: 'Progress summary' },
    guidance: {
      fr: `Décrire les principaux progrès réalisés par le projet dans le cadre de ce résultat, avec des preuves quantitatives et qualitatives. ${limit(3000).fr}`,
      en: `Describe main progress under this outcome made during the reporting period, with quantitative and qualitative evidence. ${limit(3000).en}`,
    },
  },
  {
    id: 'gender_youth_analysis',
    type: 'text',
    maxLength: 1000,
    label: {
      fr: "Indiquez toute analyse supplémentaire sur la manière dont l'égalité entre les sexes et l'autonomisation des femmes et / ou l'inclusion et la réactivité aux besoins des jeunes ont été assurées dans le cadre de ce résultat",
      en: 'Describe any additional analysis on how gender equality and women’s empowerment and/or youth inclusion and responsiveness has been ensured under this outcome',
    },
    guidance: limit(1000),
  },
];

const yesNoText = (id: string, fr: string, en: string, maxLength?: number): Field => ({
  id,
  type: 'yes_no_text',
  label: { fr, en },
  ...(maxLength ? { maxLength, guidance: limit(maxLength) } : {}),
});

const partThree: Field[] = [
  {
    id: 'monitoring',
    type: 'text',
    maxLength: 1000,
    label: {
      fr: 'Suivi : Indiquez les activités de suivi conduites dans la période du rapport',
      en: 'Monitoring: please list monitoring activities undertaken in the reporting period',
    },
    guidance: limit(1000),
  },
  yesNoText(
    'baselines_exist',
    'Est-ce que les indicateurs des résultats ont des bases de référence ?',
    'Do outcome indicators have baselines?',
    1000,
  ),
  yesNoText(
    'perception_surveys',
    "Le projet a-t-il lancé des enquêtes de perception ou d'autres collectes de données communautaires ?",
    'Has the project launched perception surveys or other community-based data collection?',
    1000,
  ),
  {
    id: 'evaluation_conducted',
    type: 'yes_no_text',
    maxLength: 1000,
    label: {
      fr: 'Évaluation : Est-ce qu’un exercice évaluatif a été conduit pendant la période du rapport ?',
      en: 'Evaluation: has an evaluation been conducted during the reporting period?',
    },
  },
  {
    id: 'final_evaluation_budget',
    type: 'money',
    required: true,
    label: {
      fr: 'Budget pour évaluation finale (réponse obligatoire)',
      en: 'Evaluation budget (response required)',
    },
  },
  {
    id: 'evaluation_preparations',
    type: 'text',
    maxLength: 1500,
    condition: 'last_six_months',
    label: {
      fr: 'Si le projet se termine dans les 6 prochains mois, décrire les préparatifs pour l’évaluation',
      en: 'If project will end in next six months, describe the evaluation preparations',
    },
    guidance: limit(1500),
  },
  {
    id: 'catalytic_funding',
    type: 'donor_amounts',
    // no other funding is an answer: an empty list is not a blank
    optional: true,
    label: {
      fr: "Effets catalytiques (financiers) : Indiquez le nom de l'agent de financement et le montant du soutien financier non PBF supplémentaire qui a été obtenu par le projet",
      en: 'Catalytic effects (financial): indicate name of funding agent and amount of additional non-PBF funding support that has been leveraged by the project',
    },
  },
  {
    id: 'other',
    type: 'text',
    maxLength: 1500,
    optional: true,
    label: {
      fr: 'Autre : Y a-t-il d’autres points concernant la mise en œuvre du projet que vous souhaitez partager, y compris sur les besoins en capacité des organisations bénéficiaires ?',
      en: 'Other: are there any other issues concerning project implementation that you want to share, including any capacity needs of the recipient organizations?',
    },
    guidance: limit(1500),
  },
];

const covidCategories = [
  [
    'crisis_management',
    'Renforcer les capacités de gestion de crise et de communication',
    'Reinforce crisis management capacities and communications',
  ],
  [
    'inclusive_response',
    'Assurer une réponse et une reprise inclusives et équitables',
    'Ensure inclusive and equitable response and recovery',
  ],
  [
    'social_cohesion',
    'Renforcer la cohésion sociale intercommunautaire et la gestion des frontières',
    'Strengthen inter-community social cohesion and border management',
  ],
  [
    'hate_speech',
    'Lutter contre le discours de haine et la stigmatisation et répondre aux traumatismes',
    'Counter hate speech and stigmatization and address trauma',
  ],
  [
    'ceasefire',
    'Soutenir l’appel du SG au « cessez-le-feu mondial »',
    'Support the SG’s call for a “global ceasefire”',
  ],
  ['other', 'Autres (veuillez préciser)', 'Other (please explain)'],
] as const;

const partFourQuestions: Field[] = [
  {
    id: 'covid_financial_adjustments',
    type: 'money',
    label: {
      fr: '1) Ajustements financiers : Veuillez indiquer le montant total en USD des ajustements liés au COVID-19.',
      en: '1) Monetary adjustments: Please indicate the total amount in USD of adjustments due to COVID-19.',
    },
  },
  {
    id: 'covid_non_financial_adjustments',
    type: 'text',
    label: {
      fr: "2) Ajustements non-financiers : Veuillez indiquer tout ajustement du projet qui n'a pas eu de conséquences financières.",
      en: '2) Non-monetary adjustments: Please indicate any adjustments to the project which did not have any financial implications.',
    },
  },
  {
    id: 'covid_categories',
    type: 'multi_choice',
    otherChoice: 'other',
    choices: covidCategories.map(([value, fr, en]) => ({ value, label: { fr, en } })),
    label: {
      fr: '3) Veuillez sélectionner toutes les catégories qui décrivent les ajustements du projet (et inclure des détails dans les sections générales de ce rapport)',
      en: '3) Please select all categories which describe the adjustments made to the project (and include details in general sections of this report)',
    },
  },
  {
    id: 'covid_success_story',
    type: 'text',
    label: {
      fr: 'Le cas échéant, veuillez partager une histoire de réussite COVID-19 de ce projet (i.e. comment les ajustements de ce projet ont fait une différence et ont contribué à une réponse positive à la pandémie / empêché les tensions ou la violence liées à la pandémie, etc.)',
      en: 'If relevant, please share a COVID-19 success story of this project (i.e. how adjustments of this project made a difference and contributed to a positive response to the pandemic / prevented tensions or violence related to the pandemic etc.)',
    },
  },
];

// answered "if the project underwent adjustments due to the pandemic" (the Part's guidance): none is expected
const partFour: Field[] = partFourQuestions.map((f) => ({ ...f, optional: true }));

const ratingChoices = [
  {
    value: 'on_track',
    label: { fr: 'Sur la bonne voie', en: 'On track' },
    guidance: {
      fr: 'il s’agit de l’achèvement en temps voulu des produits du projet, comme indiqué dans le plan de travail annuel',
      en: 'refers to the timely completion of outputs as indicated in the workplan',
    },
  },
  {
    value: 'on_track_peacebuilding',
    label: {
      fr: 'Sur la bonne voie avec des résultats de consolidation de la paix',
      en: 'On track with peacebuilding results',
    },
    guidance: {
      fr: 'fait référence à des changements de niveau supérieur dans les facteurs de conflit ou de paix auxquels le projet est censé contribuer. Ceci est plus probable dans les projets matures que nouveaux.',
      en: 'refers to higher-level changes in the conflict or peace factors that the project is meant to contribute to. These effects are more likely in mature projects than in newer ones.',
    },
  },
  { value: 'off_track', label: { fr: 'Pas sur la bonne voie', en: 'Off track' } },
];

const notes = [
  {
    fr: 'Évitez les acronymes et le jargon des Nations Unies, utilisez un langage général / commun.',
    en: 'Avoid acronyms and UN jargon, use general / common language.',
  },
  {
    fr: 'Décrivez ce que le projet a fait dans la période de rapport, plutôt que les intentions du projet.',
    en: 'Report on what has been achieved in the reporting period, not what the project aims to do.',
  },
  {
    fr: 'Soyez aussi concret que possible. Évitez les discours théoriques, vagues ou conceptuels.',
    en: 'Be as concrete as possible. Avoid theoretical, vague or conceptual discourse.',
  },
  {
    fr: "Veillez à ce que l'analyse et l'évaluation des progrès du projet tiennent compte des spécificités du sexe et de l'âge.",
    en: 'Ensure the analysis and project progress assessment is gender and age sensitive.',
  },
  {
    fr: 'Veuillez inclure des considérations, ajustements et résultats liés au COVID-19 et répondez à la section IV.',
    en: 'Please include any COVID-19 related considerations, adjustments and results and respond to section IV.',
  },
];

const sections = (withCovid: boolean): ReportTemplateInput['sections'] => [
  {
    id: 'header',
    kind: 'fields',
    title: { fr: 'Rapport de progrès de projet PBF', en: 'PBF project progress report' },
    fields: header,
    // the template's own grid: three lines, then a table of two columns, which keeps the header on page 1
    grid: {
      lines: ['country', 'report_type', 'report_year'],
      rows: [
        [{ fields: ['project_title', 'gateway_id'] }, { fields: ['trust_fund'] }],
        [{ fields: ['recipients'] }, { fields: ['first_transfer_date', 'end_date', 'last_six_months'] }],
        [{ fields: ['priority_windows'] }],
        [
          {
            fields: ['budget_by_recipient', 'implementation_rate'],
            note: {
              fr: '*JOINDRE LE BUDGET EXCEL DU PROJET MONTRANT LES DÉPENSES APPROXIMATIVES ACTUELLES*',
              en: '*ATTACH PROJECT EXCEL BUDGET SHOWING CURRENT APPROXIMATE EXPENDITURE*',
            },
          },
        ],
        [
          {
            lead: { fr: 'Budgétisation sensible au genre', en: 'Gender-responsive budgeting' },
            fields: ['gender_budget_allocated', 'gender_budget_spent'],
          },
        ],
        [
          { fields: ['gender_marker', 'risk_marker', 'focus_area'] },
          {
            lead: { fr: 'Préparation du rapport', en: 'Report preparation' },
            fields: ['prepared_by', 'approved_by', 'secretariat_reviewed'],
          },
        ],
      ],
    },
  },
  {
    id: 'part_1',
    kind: 'fields',
    // the three seeds write "Partie 1", then II, III…
    title: { fr: 'Partie 1 : Progrès global du projet', en: 'Part I: Overall project progress' },
    fields: partOne,
  },
  {
    id: 'part_2',
    kind: 'outcomes',
    title: { fr: 'Partie II : Progrès par résultat du projet', en: 'Part II: Progress by project outcome' },
    guidance: {
      fr: 'Décrire les principaux progrès réalisés au cours de la période considérée (pour les rapports de juin : janvier-juin ; pour les rapports de novembre : janvier-novembre ; pour les rapports finaux : durée totale du projet). Prière de ne pas énumérer toutes les activités individuelles. Si le projet commence à faire / a fait une différence au niveau des résultats, fournissez des preuves spécifiques pour les progrès (quantitatifs et qualitatifs) et expliquez comment cela a un impact sur le contexte politique et de consolidation de la paix.\nSi votre projet a plus de quatre Résultats, contactez PBSO (Bureau d’Appui à la Consolidation de la Paix) pour la modification de ce canevas.',
      en: 'Describe overall progress made during the reporting period (for June reports: January-June; for November reports: January-November; for final reports: full project duration). Do not list individual activities. If the project is starting to make/has made a difference at the outcome level, provide specific evidence for the progress (quantitative and qualitative) and explain how it impacts the broader political and peacebuilding context.\nIf your project has more than four outcomes, contact PBSO for template modification.',
    },
    maxOutcomes: 4,
    rating: {
      label: {
        fr: "Veuillez évaluer l'état actuel des progrès du résultat",
        en: 'Rate the current status of the outcome progress',
      },
      choices: ratingChoices,
    },
    fields: outcomeFields,
  },
  {
    id: 'part_3',
    kind: 'fields',
    title: { fr: 'Partie III : Questions transversales', en: 'Part III: Cross-cutting issues' },
    fields: partThree,
  },
  ...(withCovid
    ? [
        {
          id: 'part_4',
          kind: 'fields' as const,
          title: { fr: 'Partie IV : COVID-19', en: 'Part IV: COVID-19' },
          guidance: {
            fr: 'Veuillez répondre à ces questions si le projet a subi des ajustements financiers ou non-financiers en raison de la pandémie COVID-19.',
            en: 'Please respond to these questions if the project underwent any monetary or non-monetary adjustments due to the COVID-19 pandemic.',
          },
          fields: partFour,
        },
      ]
    : []),
  {
    id: 'part_5',
    kind: 'indicator_table',
    title: {
      fr: withCovid
        ? 'Partie V : Évaluation de la performance du projet sur la base des indicateurs'
        : 'Partie IV : Évaluation de la performance du projet sur la base des indicateurs',
      en: withCovid
        ? 'Part V: Indicator-based performance assessment'
        : 'Part IV: Indicator-based performance assessment',
    },
    guidance: {
      fr: "Utiliser le cadre de résultats du projet conformément au document de projet approuvé ou à toute modification et fournir une mise à jour sur la réalisation des indicateurs clés au niveau des résultats et des produits dans le tableau ci-dessous. Veuillez sélectionner les produits et les indicateurs les plus pertinents avec les progrès les plus pertinents à mettre en évidence. S'il n'a pas été possible de collecter des données sur des indicateurs particuliers, indiquez-le et donnez des explications. Fournir des données désagrégées par sexe et par âge. (300 caractères maximum par entrée)",
      en: 'Using the project results framework as per the approved project document or any amendments, provide an update on the achievement of key indicators at both the outcome and output level in the table below (if your project has more indicators than provided in the table, select the most relevant ones with most relevant progress to highlight). Where it has not been possible to collect data on indicators, state this and provide any explanation. Provide gender and age disaggregated data. (300 characters max per entry)',
    },
    cellMaxLength: 300,
    fields: [],
  },
];

const base = {
  id: 'pbf-progress',
  title: { fr: 'Rapport de progrès de projet PBF', en: 'PBF project progress report' },
  reportTypes: ['semi_annual', 'annual', 'final'] as const,
  // June report = January–June; November report = January–November; final = the whole project
  periods: {
    semi_annual: { from: '01-01', to: '06-30' },
    annual: { from: '01-01', to: '11-30' },
    final: 'whole_project' as const,
  },
  acronymsToAvoid: ['CCS', 'COFO', 'PTA', 'PDSEC', 'PCP', 'PDI', 'PBSO', 'TdR', 'DTM', 'ERAR', 'CCR'],
};

export const pbfProgressReport2020: ReportTemplateInput = {
  ...base,
  reportTypes: [...base.reportTypes],
  version: '2020',
  validFrom: 2020,
  notes,
  sections: sections(true),
};

export const pbfProgressReport2022: ReportTemplateInput = {
  ...base,
  reportTypes: [...base.reportTypes],
  version: '2022',
  validFrom: 2022,
  notes: notes.slice(0, 4),
  sections: sections(false),
};
