// Source: ../shared/seeds/002_6cb97654ebd60b69.txt (rapport annuel 2020 PBF/MLI/A-1): header l. 1-67, Parties I-II l. 80-144, Partie V l. 216-681.
import type { ProgrammeDocumentInput } from '../../../core/contracts/programme-document.js';

const QUALITATIVE_REASON_STRAIGHT =
  "Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l'impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.";
const QUALITATIVE_REASON_CURLY =
  'Les indicateurs qualitatifs liés à la cohésion sociale nécessitent un travail conjoint supplémentaire des trois agences, qui ne mesurent pas ces résultats par le biais de leurs cadres de résultats standard. Afin de définir des indicateurs qui peuvent rendre compte de l’impact de ce projet tout en étant efficacement mesurés, les trois agences vont se concerter davantage.';
const TARGETING_REASON = 'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain';

const PERIOD = { periodStart: '2020-01-01', periodEnd: '2020-11-30' } as const;

export const pbfMliA1: ProgrammeDocumentInput = {
  code: 'PBF/MLI/A-1',
  kind: 'project',
  gatewayId: '00119645',
  fundCode: 'PBF/MLI/A-1',
  title: {
    fr: 'Réconciliation communautaire et renforcement du vivre ensemble au Centre du Mali',
    en: 'Community reconciliation and strengthening of living together in Central Mali',
  },
  country: 'ML',
  trustFund: { kind: 'none' },
  firstTransferDate: '2020-01-15',
  endDate: '2022-07-15',
  currency: 'USD',
  priorityWindows: [],
  genderMarker: { code: 'GM2', text: 'GM2' },
  riskMarker: { level: 'medium', text: 'Moyen' },
  focusArea: {
    code: '2.3',
    label: { fr: 'Prévention/gestion des conflits', en: 'Conflict prevention/management' },
  },
  genderBudgetAllocated: 1072749.17,
  financialSnapshots: [
    {
      asOf: '2020-11-30',
      implementationRate: 20,
      genderBudgetSpent: 269854.82,
      source: 'Rapport annuel 2020',
    },
  ],
  places: [
    'Mopti',
    'Ségou',
    'Bandiagara',
    'Macina',
    'Koro',
    'Douentza',
    'Djenné',
    'Doucoumbo',
    'Kendié',
    'Kokri',
    'Monipebougou',
  ],
  organisations: [
    {
      code: 'MCS',
      kind: 'government',
      name: { fr: 'Ministère de la Cohésion sociale', en: 'Ministry of Social Cohesion' },
    },
    {
      code: 'DNDS',
      kind: 'government',
      name: { fr: 'Direction Nationale du Développement Social', en: 'National Directorate of Social Development' },
      acronym: { fr: 'DNDS', en: 'DNDS' },
    },
    {
      code: 'DRS-MOPTI',
      kind: 'government',
      name: { fr: 'Direction régionale de la santé de Mopti', en: 'Regional Health Directorate of Mopti' },
      acronym: { fr: 'DRS Mopti', en: 'DRS Mopti' },
    },
    {
      code: 'DRS-SEGOU',
      kind: 'government',
      name: { fr: 'Direction régionale de la santé de Ségou', en: 'Regional Health Directorate of Ségou' },
      acronym: { fr: 'DRS Ségou', en: 'DRS Ségou' },
    },
    {
      code: 'YAGTU',
      kind: 'ngo',
      name: { fr: 'Yam-Giribolo-Tumo', en: 'Yam-Giribolo-Tumo' },
      acronym: { fr: 'Ya G Tu', en: 'Ya G Tu' },
    },
    {
      code: 'AMASSA',
      kind: 'ngo',
      name: { fr: 'AMASSA-Malimark', en: 'AMASSA-Malimark' },
      acronym: { fr: 'AMASSA', en: 'AMASSA' },
    },
    {
      code: 'GRAT',
      kind: 'ngo',
      name: { fr: 'Groupe de Recherche et d’Applications Techniques', en: 'Group for Research and Technical Applications' },
      acronym: { fr: 'GRAT', en: 'GRAT' },
    },
    {
      code: 'AMAPROS',
      kind: 'ngo',
      name: { fr: 'Association Malienne pour la Promotion du Sahel', en: 'Malian Association for the Promotion of the Sahel' },
      acronym: { fr: 'AMAPROS', en: 'AMAPROS' },
    },
  ],
  recipients: [
    { organisation: 'WFP', convening: true, approvedBudget: 1200000 },
    { organisation: 'FAO', convening: false, approvedBudget: 900000 },
    { organisation: 'IOM', convening: false, approvedBudget: 900000 },
  ],
  implementingPartners: [
    { organisation: 'MCS', note: 'Partenaire gouvernemental impliqué dans le plan de mise en œuvre' },
    { organisation: 'YAGTU', note: 'PCP (1.1.1), région de Mopti ; protocole d’accord en cours de signature' },
    { organisation: 'AMASSA', note: 'PCP (1.1.1), région de Ségou ; protocole d’accord en cours de signature' },
    { organisation: 'GRAT', note: 'Formations et appui aux PDSEC (1.1.2-1.1.4), région de Mopti ; protocole d’accord signé' },
    { organisation: 'AMAPROS', note: 'Formations et appui aux PDSEC (1.1.2-1.1.4), région de Ségou ; protocole d’accord signé' },
    { organisation: 'DNDS', note: 'Partenaire gouvernemental d’exécution de l’évaluation des besoins socio-économiques (1.4.1)' },
    { organisation: 'DRS-MOPTI', note: 'Activités COVID-19 et cordons sanitaires (2.1.1) ; protocole d’accord signé' },
    { organisation: 'DRS-SEGOU', note: 'Activités COVID-19 (2.1.1) ; protocole d’accord signé' },
  ],
  donors: [{ organisation: 'PBF', amount: 3000000 }],
  frameworks: [
    {
      version: 1,
      label: { fr: 'Document de projet', en: 'Project document' },
      effectiveDate: '2020-01-15',
      reason: {
        fr: 'Cadre de résultats du document de projet approuvé',
        en: 'Results framework of the approved project document',
      },
      outcomes: [
        {
          code: '1',
          statement: {
            fr: 'Les dialogues intra et intercommunautaires sont mis en place pour promouvoir la paix sociale, réduire les violences, renforcer la redevabilité des autorités et favoriser le vivre ensemble et un retour des personnes déplacées et refugiées',
            en: 'Intra- and inter-community dialogues are set up to promote social peace, reduce violence, strengthen the accountability of authorities, and foster living together and the return of displaced persons and refugees',
          },
          indicators: [
            {
              code: '1.1',
              title: {
                fr: 'Pourcentage de réduction des incidents violents intra et intercommunautaires',
                en: 'Percentage reduction in intra- and inter-community violent incidents',
              },
              measure: 'percent',
              direction: 'increase',
              baseline: '0',
              endTarget: '25%',
              milestones: [{ value: '0' }],
              notes: 'La valeur mesurée est le pourcentage de réduction des incidents : elle monte de 0 à 25%.',
            },
            {
              code: '1.2',
              title: { fr: 'Perceptions des autres communautés', en: 'Perceptions of other communities' },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
            {
              code: '1.3',
              title: {
                fr: "Satisfaction à l'égard du processus de planification du projet",
                en: 'Satisfaction with the project planning process',
              },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
            {
              code: '1.4',
              title: {
                fr: 'Nombre des personnes déplacées et refugiées retournées désagrégé par sexe et par âge',
                en: 'Number of returned displaced persons and refugees, disaggregated by sex and age',
              },
              measure: 'number',
              unit: 'personnes',
              disaggregations: ['sex', 'age'],
              baseline: { text: 'Tbd (DTM)', source: 'DTM' },
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
          ],
          outputs: [
            {
              code: '1.1',
              statement: {
                fr: 'Des processus de planification participative communautaire basées sur les moyens d’existences sont menées dans les différentes communautés ciblées en assurant une participation et intégration de toutes les couches de la population, tout particulièrement les jeunes et les femmes, et les capacités des municipalités à développer/actualiser (par intégration de la dimension conflit) et mettre en œuvre les plans d’action de PDSEC de façon participative et inclusive, favorisant la réinsertion des retournés et déplacés',
                en: 'Livelihood-based participatory community planning processes are conducted in the targeted communities, ensuring the participation and inclusion of all segments of the population, especially youth and women, together with the capacities of municipalities to develop/update (integrating the conflict dimension) and implement PDSEC action plans in a participatory and inclusive way, favouring the reintegration of returnees and displaced persons',
              },
              indicators: [
                {
                  code: '1.1.1',
                  title: {
                    fr: 'Nombre de Plans Communautaires provenant de PCP',
                    en: 'Number of community plans resulting from participatory community planning (PCP)',
                  },
                  unit: 'plans',
                  baseline: '0',
                  endTarget: '4',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.1.2',
                  title: {
                    fr: 'Nombre de responsables communaux et des leaders de la société civile (jeunes et femmes) formées sur le cycle des projets, sur le suivi/évaluation et la redevabilité',
                    en: 'Number of municipal officials and civil society leaders (youth and women) trained in the project cycle, monitoring/evaluation and accountability',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget:
                    '220 personnes (soit 140 autorités locales et leaders communautaires, 40 femmes et 40 jeunes de 18 à 35 ans)',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.1.3',
                  title: {
                    fr: 'Nombre de responsables communaux et des leaders de la société civile (jeunes et femmes) formées sur la gestion non violente des conflits, culture de la paix et le vivre ensemble',
                    en: 'Number of municipal officials and civil society leaders (youth and women) trained in non-violent conflict management, the culture of peace and living together',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget:
                    '220 personnes (soit 140 autorités locales et leaders communautaires, 40 femmes et 40 jeunes de 18 à 35 ans)',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.1.4',
                  title: {
                    fr: 'Nombre des plans d’action PDSEC élaborés ou actualisés à base de PCP',
                    en: 'Number of PDSEC action plans developed or updated on the basis of PCP',
                  },
                  measure: 'number',
                  unit: 'plans d’action',
                  baseline: '0',
                  endTarget: 'Tbd',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '1.2',
              statement: {
                fr: 'Accroitre les capacités des organisations de la société civile et des communautés notamment les organisations de femmes et de jeunes à participer au développement de stratégies locales et au dialogue intra/intercommunautaire',
                en: 'Increase the capacities of civil society and community organisations, particularly women’s and youth organisations, to take part in developing local strategies and in intra/inter-community dialogue',
              },
              indicators: [
                {
                  code: '1.2.1',
                  title: {
                    fr: 'Nombre d’organisations de la société civile et des communautés formées sur le développement de stratégies locales et le dialogue intra et intercommunautaire',
                    en: 'Number of civil society and community organisations trained in developing local strategies and in intra- and inter-community dialogue',
                  },
                  unit: 'organisations',
                  baseline: '0',
                  endTarget: '220',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.2.2',
                  title: {
                    fr: 'Nombre de cadres de concertation sur le dialogue inclusive mises en place',
                    en: 'Number of consultation frameworks on inclusive dialogue set up',
                  },
                  measure: 'number',
                  unit: 'cadres de concertation',
                  baseline: '0',
                  endTarget: 'Tbd',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.2.3',
                  title: {
                    fr: 'Nombre d’organisations des femmes et jeunes capables de participer activement au développement de stratégies locales et au dialogue intra/intercommunautaire',
                    en: 'Number of women’s and youth organisations able to take an active part in developing local strategies and in intra/inter-community dialogue',
                  },
                  unit: 'organisations',
                  baseline: '0',
                  endTarget: '40',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.2.4',
                  title: {
                    fr: 'Nombre de stratégies locales et des dialogues intra/intercommunautaire développées qui sont fonctionnelles avec la participation massive des organisations des femmes et jeunes',
                    en: 'Number of local strategies and intra/inter-community dialogues developed that are functional with broad participation of women’s and youth organisations',
                  },
                  measure: 'number',
                  baseline: '0',
                  endTarget: 'Tbd',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '1.3',
              statement: {
                fr: 'Les mécanismes traditionnels déjà existants de prévention et de gestion de conflit sont répertoriés, redynamisés et mis en synergie avec les mécanismes institutionnels, y compris les comités de réconciliation',
                en: 'Existing traditional conflict prevention and management mechanisms are inventoried, revitalised and linked with institutional mechanisms, including reconciliation committees',
              },
              indicators: [
                {
                  code: '1.3.1',
                  title: {
                    fr: 'Nombre de mécanismes traditionnels identifiés et répertoriées à travers une enquête intra/intercommunautaire',
                    en: 'Number of traditional mechanisms identified and inventoried through an intra/inter-community survey',
                  },
                  unit: 'mécanismes',
                  baseline: '0',
                  endTarget: '5',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.3.2',
                  title: { fr: 'Nombre d’ateliers de partage organisées', en: 'Number of sharing workshops held' },
                  unit: 'ateliers',
                  baseline: '0',
                  endTarget: '8',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.3.3',
                  title: {
                    fr: 'Nombre de participants à l’atelier de partage',
                    en: 'Number of participants in the sharing workshop',
                  },
                  unit: 'participants',
                  baseline: '0',
                  endTarget:
                    '280 participants (soit 70 par commune, 200 autorités locales et leaders communautaires, 40 femmes et 40 jeunes âgés de 18 à 35 ans)',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.3.4',
                  title: {
                    fr: 'Nombre d’activités de sensibilisation réalisées',
                    en: 'Number of awareness-raising activities carried out',
                  },
                  unit: 'activités',
                  baseline: '0',
                  endTarget: '25',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '1.4',
              statement: {
                fr: 'Alerte précoce et analyse initiale : anticipation des tensions (imagerie satellite, analyse de marché, etc.) et des chocs économiques et environnementaux des PDIs',
                en: 'Early warning and initial analysis: anticipation of tensions (satellite imagery, market analysis, etc.) and of economic and environmental shocks affecting IDPs',
              },
              indicators: [
                {
                  code: '1.4.1',
                  title: {
                    fr: 'Nombre d’évaluations de besoins socio-économiques des retournés et déplacés publiées',
                    en: 'Number of published socio-economic needs assessments of returnees and displaced persons',
                  },
                  unit: 'évaluations',
                  baseline: '0',
                  endTarget: '2',
                  milestones: [{ value: '0' }],
                },
              ],
            },
          ],
        },
        {
          code: '2',
          statement: {
            fr: 'La réconciliation communautaire est enclenchée à partir de discussions sur les expériences et impacts vécus lors de la crise et est renforcée à travers des initiatives communes qui créent de liens socio-économiques pour bâtir un futur commun et le vivre ensemble',
            en: 'Community reconciliation is initiated through discussions on the experiences and impacts of the crisis and strengthened through joint initiatives that create socio-economic ties to build a common future and living together',
          },
          indicators: [
            {
              code: '2.1',
              title: {
                fr: 'Sentiment de confiance envers des autres communautés',
                en: 'Feeling of trust towards other communities',
              },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
            {
              code: '2.2',
              title: {
                fr: 'Utilisation et attitude des participants à l’égard des forums de dialogue',
                en: 'Participants’ use of and attitude towards dialogue forums',
              },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
            {
              code: '2.3',
              title: {
                fr: 'Changement des moyens d’existence désagrégée par groupe socio-économique',
                en: 'Change in livelihoods, disaggregated by socio-economic group',
              },
              disaggregations: ['category'],
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
          ],
          outputs: [
            {
              code: '2.1',
              statement: {
                fr: 'Des espaces de dialogue communautaire fonctionnels intégrants les PDIs, les retournées et le communautés hôtes notamment pour les jeunes et femmes sont mis en place et soutenus afin de renforcer le dialogue intra/intercommunautaire',
                en: 'Functional community dialogue spaces bringing together IDPs, returnees and host communities, particularly youth and women, are set up and supported to strengthen intra/inter-community dialogue',
              },
              indicators: [
                {
                  code: '2.1.1',
                  title: {
                    fr: 'Nombre de personnes formées sur la prévention du COVID-19',
                    en: 'Number of people trained in COVID-19 prevention',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget:
                    '200 (soit 100 agents de santé communautaires, 100 relais communautaires, 50 tradi-thérapeutes, 50 leaders religieux)',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.2',
                  title: {
                    fr: 'Nombre de personnes sensibilisés sur la prévention du COVID-19 et sur la gestion des conflits',
                    en: 'Number of people sensitised on COVID-19 prevention and conflict management',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: '4 000',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.3',
                  title: {
                    fr: 'Nombre de comités mixtes créés et formées sur les modes de prévention au COVID-19 et sur la gestion des conflits',
                    en: 'Number of joint committees created and trained on COVID-19 prevention and conflict management',
                  },
                  unit: 'comités',
                  baseline: '0',
                  endTarget: '20',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.4',
                  title: {
                    fr: 'Nombre de cordons sanitaires appuyés et opérationnels',
                    en: 'Number of health cordons supported and operational',
                  },
                  unit: 'cordons sanitaires',
                  baseline: '0',
                  endTarget: '4 (2 par région)',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.5',
                  title: {
                    fr: 'Nombre de personnes formées sur l’approche club DIMITRA',
                    en: 'Number of people trained in the Dimitra club approach',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: "600 bénéficiaires ;15 agents d'ONG",
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.6',
                  title: {
                    fr: 'Nombre de clubs DIMITRA fonctionnels mises en place',
                    en: 'Number of functional Dimitra clubs set up',
                  },
                  unit: 'clubs',
                  baseline: '0',
                  endTarget: '40',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.7',
                  title: {
                    fr: 'Nombre de personnes formées sur la gestion participative des groupes',
                    en: 'Number of people trained in participatory group management',
                  },
                  unit: 'participants',
                  baseline: '0',
                  endTarget:
                    '6000 participants (soit 1650 autorités locales et leaders communautaires, 1950 femmes et 2400 jeunes de 18 à 35 ans)',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '2.2',
              statement: {
                fr: 'Des projets de résilience communautaire, issue de la planification communautaire participative, visant des activités génératrices de revenus et la création d’actifs, y compris les réhabilitations d’infrastructures qui encouragent la collaboration et la confiance inter/intracommunautaire et l’interdépendance économique, sont mis en œuvre par les communautés',
                en: 'Community resilience projects stemming from participatory community planning, targeting income-generating activities and asset creation, including the rehabilitation of infrastructure that encourages inter/intra-community collaboration and trust and economic interdependence, are implemented by the communities',
              },
              indicators: [
                {
                  code: '2.2.1',
                  title: {
                    fr: 'Nombre de bénéficiaires désagrégé par sexe, âge et groupe socio-économique',
                    en: 'Number of beneficiaries, disaggregated by sex, age and socio-economic group',
                  },
                  measure: 'number',
                  unit: 'bénéficiaires',
                  disaggregations: ['sex', 'age', 'category'],
                  baseline: '0',
                  endTarget: 'Tbd',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.2.2',
                  title: {
                    fr: 'Nombre d’actifs crées ou réhabilitées par type',
                    en: 'Number of assets created or rehabilitated, by type',
                  },
                  unit: 'actifs',
                  disaggregations: ['category'],
                  baseline: '0',
                  endTarget: '32',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '2.3',
              statement: {
                fr: 'Favoriser la réinsertion des retournés et déplacés dans les zones de retour à travers un appui à l’insertion socio-économique (filières élevage, agriculture/maraichage et pêche) et la sensibilisation au sujet du stigmatisme',
                en: 'Foster the reintegration of returnees and displaced persons in areas of return through support for socio-economic integration (livestock, agriculture/market gardening and fisheries value chains) and awareness-raising about stigma',
              },
              indicators: [
                {
                  code: '2.3.1',
                  title: {
                    fr: 'Pourcentage de personnes satisfaits de leur réinsertion socio-économiques',
                    en: 'Percentage of people satisfied with their socio-economic reintegration',
                  },
                  measure: 'percent',
                  baseline: '0',
                  endTarget: 'Tbd',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.3.2',
                  title: {
                    fr: 'Nombre d’activités génératrices de revenus',
                    en: 'Number of income-generating activities',
                  },
                  measure: 'number',
                  unit: 'activités',
                  baseline: '0',
                  endTarget: 'Tbd',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.3.3',
                  title: { fr: 'Nombre de personnes sensibilisées', en: 'Number of people sensitised' },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: '4000 personnes, dont 2400 jeunes et 500 femmes',
                  milestones: [{ value: '0' }],
                },
              ],
            },
          ],
        },
        {
          code: '3',
          statement: {
            fr: 'Une approche axée sur la base (communautés et autorités locales) est conduite pour favoriser une gestion des terres, des pâturages et les ressources en eau pérenne et non violente',
            en: 'A grassroots approach (communities and local authorities) is pursued to foster sustainable and non-violent management of land, pastures and water resources',
          },
          indicators: [
            {
              code: '3.1',
              title: {
                fr: "Perception d'équité dans la gestion des ressources naturelles",
                en: 'Perception of fairness in natural resource management',
              },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
            {
              code: '3.2',
              title: { fr: 'Tbd', en: 'TBD (indicator to be defined)' },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
            {
              code: '3.3',
              title: { fr: 'Tbd', en: 'TBD (indicator to be defined)' },
              baseline: 'Tbd',
              endTarget: 'Tbd',
              // the seed prints "-" as the milestone
              milestones: [{ value: '-' }],
            },
          ],
          outputs: [
            {
              code: '3.1',
              statement: {
                fr: 'Des mécanismes adaptés et outils de gouvernance foncière, gestion des ressources naturelles et infrastructures pastorales et agropastorales, sont mis en place et/ou renforcés sous le leadership des autorités locales',
                en: 'Appropriate mechanisms and tools for land governance, natural resource management and pastoral and agro-pastoral infrastructure are set up and/or strengthened under the leadership of local authorities',
              },
              indicators: [
                {
                  code: '3.1.1',
                  title: {
                    fr: 'Nombre de conventions actualisées ou crées',
                    en: 'Number of (local) conventions updated or created',
                  },
                  unit: 'conventions',
                  baseline: '0',
                  endTarget: '4',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '3.1.2',
                  title: { fr: 'Nombre de personnes touchées', en: 'Number of people reached' },
                  unit: 'bénéficiaires',
                  baseline: '0',
                  endTarget:
                    '180 bénéficiaires (soit 100 autorités locales et leaders communautaires, 40 femmes et 40 jeunes)',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '3.2',
              statement: {
                fr: 'Renforcer les capacités des acteurs des différents groupes socioprofessionnels (éleveurs, agriculteurs et pécheurs), surtout les jeunes âgés de 18 à 35 ans, en matière de gestion des ressources naturelles, y compris les risques pastoraux et des conflits',
                en: 'Strengthen the capacities of actors from the various socio-professional groups (herders, farmers and fishers), especially youth aged 18 to 35, in natural resource management, including pastoral risks and conflicts',
              },
              indicators: [
                {
                  code: '3.2.1',
                  title: {
                    fr: 'Nombre de personnes mobilisées pour la gestion intégrées des ressources naturelles',
                    en: 'Number of people mobilised for integrated natural resource management',
                  },
                  unit: 'bénéficiaires',
                  baseline: '0',
                  endTarget: '400 bénéficiaires, dont 100 femmes et 300 jeunes de 18 à 35 ans',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '3.2.2',
                  title: {
                    fr: 'Nombre de personnes formées sur la gestion des conventions locales désagrégé par sexe et par âge',
                    en: 'Number of people trained in the management of local conventions, disaggregated by sex and age',
                  },
                  unit: 'bénéficiaires',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '400 bénéficiaires, dont 100 femmes et 300 jeunes de 18 à 35 ans',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '3.2.3',
                  title: {
                    fr: 'Nombre de personnes formées et sensibilisées sur l’éducation environnementale désagrégé par sexe et par âge',
                    en: 'Number of people trained and sensitised in environmental education, disaggregated by sex and age',
                  },
                  unit: 'bénéficiaires',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '400 bénéficiaires, dont 100 femmes et 300 jeunes de 18 à 35 ans',
                  milestones: [{ value: '0' }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  progress: [
    { indicator: '1.1', ...PERIOD, value: '0' },
    { indicator: '1.2', ...PERIOD, value: null, reason: QUALITATIVE_REASON_STRAIGHT },
    { indicator: '1.3', ...PERIOD, value: null, reason: QUALITATIVE_REASON_STRAIGHT },
    {
      indicator: '1.4',
      ...PERIOD,
      value: null,
      reason:
        'Des critères de ciblages ont était approuvés par les trois agences au niveau du terrain. Présentement, identification de 9,937 personnes dans 980 ménages de 9 villages dans les communes de Doucoumbo et Kendié.',
    },
    { indicator: '1.1.1', ...PERIOD, value: '0' },
    { indicator: '1.1.2', ...PERIOD, value: '0' },
    { indicator: '1.1.3', ...PERIOD, value: '0' },
    { indicator: '1.1.4', ...PERIOD, value: '0', reason: TARGETING_REASON },
    { indicator: '1.2.1', ...PERIOD, value: '0' },
    { indicator: '1.2.2', ...PERIOD, value: '0', reason: TARGETING_REASON },
    { indicator: '1.2.3', ...PERIOD, value: '0' },
    { indicator: '1.2.4', ...PERIOD, value: '0', reason: TARGETING_REASON },
    { indicator: '1.3.1', ...PERIOD, value: '0' },
    { indicator: '1.3.2', ...PERIOD, value: '0' },
    { indicator: '1.3.3', ...PERIOD, value: '0' },
    { indicator: '1.3.4', ...PERIOD, value: '0' },
    { indicator: '1.4.1', ...PERIOD, value: '0' },
    { indicator: '2.1', ...PERIOD, value: null, reason: QUALITATIVE_REASON_CURLY },
    { indicator: '2.2', ...PERIOD, value: null, reason: QUALITATIVE_REASON_CURLY },
    { indicator: '2.3', ...PERIOD, value: null, reason: QUALITATIVE_REASON_CURLY },
    {
      indicator: '2.1.1',
      ...PERIOD,
      value:
        '150 personnes formées (50 agents de santé communautaires – 50 relais communautaires – 25 tradi-thérapeutes – 25 leaders religieux)',
    },
    {
      indicator: '2.1.2',
      ...PERIOD,
      value: '0',
      reason: 'En cours, et attendant les retours des points focaux avec les détails en fonction du genre.',
    },
    { indicator: '2.1.3', ...PERIOD, value: '0' },
    { indicator: '2.1.4', ...PERIOD, value: '5 cordons sanitaires fonctionnels dans la région de Mopti' },
    {
      indicator: '2.1.5',
      ...PERIOD,
      value: '0',
      reason:
        '30 clubs mis en place, dont 5 clubs installés dans chacun des 6 villages des 2 communes ciblées du cercle de Bandiagara. Les facilitateurs ont été établis dans les 2 communes ciblées de Bandiagara (les formations sont prévues en novembre 2020)',
    },
    { indicator: '2.1.6', ...PERIOD, value: '0' },
    { indicator: '2.1.7', ...PERIOD, value: '0' },
    { indicator: '2.2.1', ...PERIOD, value: '0', reason: TARGETING_REASON },
    {
      indicator: '2.2.2',
      ...PERIOD,
      value: '0',
      reason:
        '2 sites de périmètre maraicher ont été identifiées, et 2 sont en cours d’identification. Signature de contrat avec les prestataires de services pour l’aménagement des PPM dans les communes d’intervention à Ségou et Mopti. Distribution d’intrants (semences et engrais) et outils agricoles à Kendié et Doucoumbo.',
    },
    { indicator: '2.3.1', ...PERIOD, value: '0', reason: TARGETING_REASON },
    { indicator: '2.3.2', ...PERIOD, value: '0', reason: TARGETING_REASON },
    { indicator: '2.3.3', ...PERIOD, value: '0' },
    { indicator: '3.1', ...PERIOD, value: null, reason: QUALITATIVE_REASON_STRAIGHT },
    { indicator: '3.2', ...PERIOD, value: null, reason: QUALITATIVE_REASON_STRAIGHT },
    { indicator: '3.3', ...PERIOD, value: null, reason: QUALITATIVE_REASON_STRAIGHT },
    { indicator: '3.1.1', ...PERIOD, value: '0' },
    { indicator: '3.1.2', ...PERIOD, value: '0' },
    { indicator: '3.2.1', ...PERIOD, value: '0' },
    { indicator: '3.2.2', ...PERIOD, value: '0' },
    { indicator: '3.2.3', ...PERIOD, value: '0' },
  ],
  risks: [],
};
