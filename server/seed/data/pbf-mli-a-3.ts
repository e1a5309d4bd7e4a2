// Source: ../shared/seeds/000_f452a5badcd28cb6.txt (PBF annual progress report 2020): header lines 1-71, Part II lines 108-142, Part V lines 191-572.
import type { ProgrammeDocumentInput } from '../../../core/contracts/programme-document.js';

const pasEncoreCommence = 'L’activité n’a pas encore commencé';
const nonPrevu = 'N/A Il n’est pas prévu de collecter cet indicateur durant la période du rapport.';
const baselineBarometre = 'Baseline du baromètre sera disponibles durant le premier semestre 2021';
const sensibilisationsCcs =
  'Ces sensibilisations sont prévues dans le cadre de la mise en place des CCS. Elles seront réalisées durant le premier semestre 2021';

export const pbfMliA3: ProgrammeDocumentInput = {
  code: 'PBF/MLI/A-3',
  kind: 'project',
  fundCode: 'PBF/MLI/A-3',
  title: {
    fr: 'Approche intégrée pour lutter contre l’impunité et pour un accès amélioré à la justice dans le Centre du Mali',
    en: 'Integrated approach to fight impunity and improve access to justice in Central Mali',
  },
  country: 'ML',
  trustFund: { kind: 'none' },
  firstTransferDate: '2020-03-09',
  endDate: '2022-08-03',
  currency: 'USD',
  priorityWindows: [],
  genderBudgetAllocated: 987384.08,
  financialSnapshots: [
    {
      asOf: '2020-11-30',
      implementationRate: 18,
      genderBudgetSpent: 59416.02,
      source: 'Rapport annuel 2020',
    },
  ],
  places: ['Mopti', 'Ségou'],
  organisations: [
    {
      code: 'CNDH',
      kind: 'government',
      name: { fr: 'Commission nationale des Droits de l’Homme', en: 'National Human Rights Commission' },
      acronym: { fr: 'CNDH', en: 'CNDH' },
    },
    {
      code: 'BARREAU-MALI',
      kind: 'other',
      name: { fr: 'Barreau du Mali', en: 'Mali Bar Association' },
    },
    {
      code: 'JRR',
      kind: 'other',
      name: { fr: 'Justice Rapid Response', en: 'Justice Rapid Response' },
      acronym: { fr: 'JRR', en: 'JRR' },
    },
    {
      code: 'MJDH',
      kind: 'government',
      name: { fr: 'Ministère de la Justice et des Droits de l’Homme', en: 'Ministry of Justice and Human Rights' },
      acronym: { fr: 'MJDH', en: 'MJDH' },
    },
  ],
  recipients: [
    { organisation: 'OHCHR', convening: true, approvedBudget: 1026157.82 },
    { organisation: 'UNDP', convening: false, approvedBudget: 1000017.72 },
    { organisation: 'UNWOMEN', convening: false, approvedBudget: 987384.08 },
    { organisation: 'INTERPEACE', convening: false, approvedBudget: 986440.36 },
  ],
  implementingPartners: [
    {
      organisation: 'CNDH',
      note: 'Partenariat pour le renforcement des capacités de la CNDH (accord en cours de finalisation)',
    },
    {
      organisation: 'BARREAU-MALI',
      note: 'Accord de coopération en cours de finalisation (aide judiciaire, tours juridiques)',
    },
    {
      organisation: 'JRR',
      note: 'Identification des consultants internationaux (stratégie de protection des victimes, aide judiciaire)',
    },
    { organisation: 'MJDH', note: 'Comité Genre du Ministère de la Justice et des Droits de l’Homme' },
  ],
  donors: [{ organisation: 'PBF', amount: 3999999.98 }],
  frameworks: [
    {
      version: 1,
      label: { fr: 'Document de projet', en: 'Project document' },
      effectiveDate: '2020-03-09',
      reason: {
        fr: 'Cadre de résultats du document de projet approuvé',
        en: 'Results framework of the approved project document',
      },
      outcomes: [
        {
          code: '1',
          statement: {
            fr: 'Les causes de l’impunité et les perceptions des acteurs dans les régions de Ségou et Mopti sont connues et un cadre de recherche des solutions répondant à la demande sociale de justice est mis en place à travers un dialogue multi-acteurs',
            en: 'The causes of impunity and the perceptions of actors in the Ségou and Mopti regions are known, and a framework for seeking solutions that meet the social demand for justice is set up through multi-stakeholder dialogue',
          },
          indicators: [
            {
              code: '1.a',
              title: {
                fr: "Mesure dans laquelle les points de vue des acteurs des populations et acteurs de la justice sur les questions traitées dans les espaces de dialogue et échanges ont changé après avoir entendu/cherché à comprendre d'autres points de vue",
                en: 'Extent to which the views of community and justice actors on the issues addressed in the dialogue and exchange spaces have changed after hearing or seeking to understand other points of view',
              },
              baseline: '0',
              endTarget: "A déterminer après l'étude de base",
              milestones: [{ value: 'Questionnaire avec les membres de chaque plateforme de dialogue' }],
            },
            {
              code: '1.b',
              title: {
                fr: 'Niveau d’appropriation des résultats issus du dialogue et du baromètre par les populations, autorités traditionnelles et les autorités du domaine de la justice (différencié hommes/femmes/jeunes)',
                en: 'Level of ownership of the dialogue and barometer results by communities, traditional authorities and justice authorities (broken down by men/women/youth)',
              },
              disaggregations: ['sex', 'age'],
              baseline: '0',
              endTarget: '5',
              milestones: [{ value: '1' }],
            },
          ],
          outputs: [
            {
              code: '1.1',
              statement: {
                fr: 'Une compréhension commune des défis sont établis avec la participation d’au moins 4210 personnes',
                en: 'A shared understanding of the challenges is established with the participation of at least 4,210 people',
              },
              indicators: [
                {
                  code: '1.1.1',
                  title: { fr: 'Cartographie des acteurs disponible', en: 'Stakeholder mapping available' },
                  baseline: '0',
                  milestones: [{ value: '1' }],
                },
                {
                  code: '1.1.2',
                  title: {
                    fr: 'Nombre de personnes enquêtées dans la mise en œuvre du baromètre participatif sur la gouvernance du système de la justice',
                    en: 'Number of people surveyed for the participatory barometer on the governance of the justice system',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: '4000',
                  milestones: [{ value: '4000' }],
                },
                {
                  code: '1.1.3',
                  title: { fr: 'Existence d’un baromètre', en: 'Existence of a barometer' },
                  baseline: '0',
                  endTarget: '1',
                  milestones: [{ value: '1' }],
                },
              ],
            },
            {
              code: '1.2',
              statement: {
                fr: 'Un dialogue entre communautés et les acteurs de la justice au Centre du Mali est lancé et approprié par les parties prenantes, avec la participation d’au moins 960 personnes',
                en: 'A dialogue between communities and justice actors in Central Mali is launched and owned by stakeholders, with the participation of at least 960 people',
              },
              indicators: [
                {
                  code: '1.2.1',
                  title: {
                    fr: 'Nombre de participants aux focus groupes, seances de dialogue et projections, ventile par sexe et par age',
                    en: 'Number of participants in focus groups, dialogue sessions and screenings, disaggregated by sex and age',
                  },
                  unit: 'participants',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '480',
                  milestones: [{ value: '300' }],
                },
                {
                  code: '1.2.2',
                  title: {
                    fr: 'Nombre de personnes qui ecoutent les programmes radio effectues et rapports distribues',
                    en: 'Number of people listening to the radio programmes produced and reports distributed',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: '12300',
                  milestones: [{ value: '4100' }],
                },
                {
                  code: '1.2.3',
                  title: {
                    fr: "Nombre de plans d'actions conjointes, inclusives et sensibles au genre, elaborees et soutenues (en lien avec R2 et R3)",
                    en: 'Number of joint, inclusive and gender-sensitive action plans developed and supported (linked to outcomes 2 and 3)',
                  },
                  unit: "plans d'action",
                  baseline: '0',
                  endTarget: '6',
                  milestones: [{ value: '3' }],
                },
                {
                  code: '1.2.4',
                  title: {
                    fr: 'Lancer une recherche de solutions durables et communes pour répondre aux besoins des parties prenantes (informant ainsi les R2 et R3',
                    en: 'Launch a search for lasting, shared solutions to meet stakeholders’ needs (thereby informing outcomes 2 and 3)',
                  },
                  baseline: '0',
                  endTarget: '6',
                  milestones: [{ value: '3' }],
                },
              ],
            },
            {
              code: '1.3',
              statement: {
                fr: '360 personnes sont engagées à la recherche de solutions locales communes et les acteurs clés de la justice s’engagent à soutenir des changements durables',
                en: '360 people are engaged in the search for shared local solutions and key justice actors commit to supporting lasting change',
              },
              indicators: [
                {
                  code: '1.3.1',
                  title: {
                    fr: 'Nombre de personnes participant aux echanges et dialogues sur les roles et responsabilites des acteurs de chaine judicaire',
                    en: 'Number of people taking part in exchanges and dialogues on the roles and responsibilities of justice chain actors',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: '100',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '1.3.2',
                  title: {
                    fr: 'Nombre de cadres de rencontre avec les decideurs et acteurs internationaux sur la justice cree',
                    en: 'Number of meeting frameworks on justice created with decision-makers and international actors',
                  },
                  unit: 'cadres de rencontre',
                  baseline: '0',
                  endTarget: '14',
                  milestones: [{ value: '5' }],
                },
              ],
            },
          ],
        },
        {
          code: '2',
          statement: {
            fr: 'Les acteurs de la justice formelle et informelle sont plus efficaces et disposent d’une confiance accrue de la part des populations afin de mieux combattre l’impunité dans les régions de Ségou et Mopti',
            en: 'Formal and informal justice actors are more effective and enjoy greater public trust so as to better fight impunity in the Ségou and Mopti regions',
          },
          indicators: [
            {
              code: '2.a',
              title: {
                fr: 'Niveau de confiance des populations envers les forces de sécurité dans les communes concernées par les CCS (données désagrégées hommes/femmes/jeunes)',
                en: 'Level of public trust in the security forces in the communes covered by the security advisory committees (data disaggregated by men/women/youth)',
              },
              disaggregations: ['sex', 'age'],
              baseline: { text: 'TBD (barometre)', source: 'baromètre' },
              endTarget: 'augmentation de 5%',
            },
            {
              code: '2.b',
              title: {
                fr: 'Niveau de confiance des populations envers les acteurs de la justice formelle (données désagrégées hommes/femmes/jeunes)',
                en: 'Level of public trust in formal justice actors (data disaggregated by men/women/youth)',
              },
              disaggregations: ['sex', 'age'],
              baseline: { text: 'TBD (barometre)', source: 'baromètre' },
              endTarget: 'augmentation de 5%',
            },
          ],
          outputs: [
            {
              code: '2.1',
              statement: {
                fr: 'Les capacités des acteurs de la sécurité et de la justice sont renforcées',
                en: 'The capacities of security and justice actors are strengthened',
              },
              indicators: [
                {
                  code: '2.1.1',
                  title: {
                    fr: "Nbre d'acteurs de la securite et de la justice formes par le projet, desagrege par sexe et age",
                    en: 'Number of security and justice actors trained by the project, disaggregated by sex and age',
                  },
                  unit: 'acteurs',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '330, dont 30% des femmes',
                  milestones: [{ date: '2021-06', value: '150 (06/2021)' }],
                },
                {
                  code: '2.1.2',
                  title: {
                    fr: 'Nbre de personnes sensibilisées sur la lutte contre la corruption et le rôle des acteurs de la sécurité et de la justice dans la lutte contre l’impunité, désagrégé par sexe et âge',
                    en: 'Number of people made aware of the fight against corruption and the role of security and justice actors in fighting impunity, disaggregated by sex and age',
                  },
                  unit: 'personnes',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '1000 (dont 30% des femmes)',
                  milestones: [{ date: '2021-04', value: '200 (04/2021)' }],
                },
              ],
            },
            {
              code: '2.2',
              statement: {
                fr: 'Les Comités consultatifs de sécurité (CCS) inclusifs sont mis en place dans les communes où sont présents des forces de sécurité',
                en: 'Inclusive security advisory committees (CCS) are set up in the communes where security forces are present',
              },
              indicators: [
                {
                  code: '2.2.1',
                  title: { fr: 'Nbre de CCS opérationnels', en: 'Number of operational security advisory committees' },
                  unit: 'CCS',
                  baseline: '0',
                  endTarget: '6',
                  milestones: [{ date: '2021-09', value: '3 (09/2021)' }],
                },
                {
                  code: '2.2.2',
                  title: {
                    fr: 'Nbre de personnes sensibilisées au rôle des CCS, désagrégé par sexe et âge',
                    en: 'Number of people made aware of the role of the security advisory committees, disaggregated by sex and age',
                  },
                  unit: 'personnes',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '1000 (dont 30% des femmes)',
                  milestones: [{ date: '2021-04', value: '200 (04/2021)' }],
                },
                {
                  code: '2.2.3',
                  title: {
                    fr: 'Nombre d’acteurs de la sécurité et des représentants des OSC formé en matière de police de proximité, désagrégé par sexe et âge',
                    en: 'Number of security actors and civil society representatives trained in community policing, disaggregated by sex and age',
                  },
                  unit: 'personnes',
                  disaggregations: ['sex', 'age'],
                },
              ],
            },
            {
              code: '2.3',
              statement: {
                fr: 'Les mécanismes formels et informels de gestion des conflits sont renforcés afin de prévenir les conflits intercommunautaires',
                en: 'Formal and informal conflict management mechanisms are strengthened to prevent intercommunal conflicts',
              },
              indicators: [
                {
                  code: '2.3.1',
                  title: {
                    fr: 'Nombre de commissions foncières redynamisées',
                    en: 'Number of land commissions revitalised',
                  },
                  unit: 'commissions foncières',
                  baseline: '0',
                  endTarget: '115',
                  milestones: [{ date: '2021-06', value: '50 (06/2021)' }],
                },
                {
                  code: '2.3.2',
                  title: {
                    fr: 'Nbre de personnes sensibilisées par le projet sur les mécanismes formels et informels de gestion des conflits fonciers, désagrégé par sexe et âge',
                    en: 'Number of people made aware by the project of formal and informal land conflict management mechanisms, disaggregated by sex and age',
                  },
                  unit: 'personnes',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '1000 (dont 30% des femmes)',
                  milestones: [{ date: '2021-06', value: '200 (06/2021)' }],
                },
              ],
            },
          ],
        },
        {
          code: '3',
          statement: {
            fr: 'L’accès à la justice des populations dans les régions de Ségou et Mopti est facilité et la protection des victimes saisissant les acteurs en charge de la lutte contre l’impunité est assurée',
            en: 'Access to justice for the population of the Ségou and Mopti regions is facilitated and the protection of victims who turn to the actors fighting impunity is ensured',
          },
          indicators: [
            {
              code: '3.a',
              title: {
                fr: 'Existence d"une strategie d aide aux victimes',
                en: 'Existence of a victim assistance strategy',
              },
              baseline: '0',
              endTarget: '1',
              milestones: [{ value: 'ebauche presentee et commentee par les acteurs' }],
            },
            {
              code: '3.b',
              title: {
                fr: 'Nombre de personnes touchées par les informations disséminées désagregé par sexe et âge',
                en: 'Number of people reached by the information disseminated, disaggregated by sex and age',
              },
              unit: 'personnes',
              disaggregations: ['sex', 'age'],
              baseline: '0',
              endTarget: '32300',
              milestones: [{ value: '16000' }],
            },
            {
              code: '3.c',
              title: {
                fr: 'Nombre de dossiers soumis par la CNDH et traités par les autorités judiciaires concernées',
                en: 'Number of cases submitted by the CNDH and handled by the judicial authorities concerned',
              },
              unit: 'dossiers',
              baseline: '0',
              endTarget: '50',
              milestones: [{ value: '30' }],
            },
          ],
          outputs: [
            {
              code: '3.1',
              statement: {
                fr: 'Une stratégie d’aide aux victimes de violations des droits de l’homme visant à assurer qu’elles reçoivent des informations, un soutien et une protection adéquats en vue de garantir leurs droits, est élaborée et mise en œuvre',
                en: 'A strategy to assist victims of human rights violations, ensuring they receive adequate information, support and protection to guarantee their rights, is developed and implemented',
              },
              indicators: [
                {
                  code: '3.1.1',
                  title: {
                    fr: 'Nombre de personnes ayant beneficie d"une assistance par rapport au nombre de personnes recensees',
                    en: 'Number of people who received assistance relative to the number of people registered',
                  },
                  unit: 'personnes',
                  baseline: '0',
                  endTarget: '350 (dont au moins 150 femmes)',
                  milestones: [{ value: '150 (dont au moins 75 femmes)' }],
                },
                {
                  code: '3.1.2',
                  title: {
                    fr: 'Nombre de réunions /plaidoyers portant sur le développement d’une stratégie nationale de protection des victimes et des témoins',
                    en: 'Number of meetings / advocacy actions on developing a national victim and witness protection strategy',
                  },
                  unit: 'réunions',
                  baseline: '0',
                  endTarget: '4',
                  milestones: [{ value: '2' }],
                },
              ],
            },
            {
              code: '3.2',
              statement: {
                fr: 'Les organisations de la société civile, y compris les organisations de femmes et de jeune, le public en général et les médias sont mieux informés sur les droits relatifs à l’accès à la justice et les procédures judiciaires.',
                en: 'Civil society organisations, including women’s and youth organisations, the general public and the media are better informed about rights of access to justice and judicial procedures',
              },
              indicators: [
                {
                  code: '3.2.1',
                  title: { fr: "Nombre d'emissions produites", en: 'Number of broadcasts produced' },
                  unit: 'émissions',
                  baseline: '0',
                  endTarget: '10',
                  milestones: [{ value: '5' }],
                },
                {
                  code: '3.2.2',
                  title: {
                    fr: "% de personnes qui connaissent les droits relatifs a l'acces a la justice et les procedures judiciaires desagrege par sexe et age",
                    en: '% of people who know their rights of access to justice and judicial procedures, disaggregated by sex and age',
                  },
                  disaggregations: ['sex', 'age'],
                  baseline: 'n/a',
                  endTarget: 'augmentation de au moins 30%',
                  milestones: [{ value: '5' }],
                },
                {
                  code: '3.2.3',
                  title: {
                    fr: 'Nombre de dépliants produits et disséminés',
                    en: 'Number of leaflets produced and disseminated',
                  },
                  unit: 'dépliants',
                  baseline: '0',
                  endTarget: '20000',
                  milestones: [{ value: '15000' }],
                },
              ],
            },
            {
              code: '3.3',
              statement: {
                fr: 'La présence et les capacités d’intervention de la CNDH-Mali dans les régions de Mopti et Ségou sont renforcées et contribuent à une meilleure administration de la justice dans le centre du Mali.',
                en: 'The presence and intervention capacity of CNDH-Mali in the Mopti and Ségou regions are strengthened and contribute to better administration of justice in Central Mali',
              },
              indicators: [
                {
                  code: '3.3.1',
                  title: {
                    fr: 'Rédaction et publication d’un rapport bien documenté sur l’accès à la justice',
                    en: 'Drafting and publication of a well-documented report on access to justice',
                  },
                  baseline: '0',
                  endTarget: '1',
                  milestones: [{ value: 'Ebauche presentee et discutee lors d un atelier de restitution' }],
                },
                {
                  code: '3.3.2',
                  title: {
                    fr: 'Nombre de cas présentés par la CNDH lors de réunions de plaidoyer avec les autorités judiciaires concernées',
                    en: 'Number of cases presented by the CNDH at advocacy meetings with the judicial authorities concerned',
                  },
                  unit: 'cas',
                  baseline: '0',
                  endTarget: '5',
                  milestones: [{ value: '2' }],
                },
                {
                  code: '3.3.3',
                  title: {
                    fr: 'Le cadre de concertation est pleinement opérationnel avec une participation accrue des organisations locales',
                    en: 'The consultation framework is fully operational with increased participation of local organisations',
                  },
                  baseline: 'faible participation',
                  endTarget: 'plus grande participation',
                  milestones: [
                    {
                      value:
                        'une bonne représentation / participation des OSC locales au sein du cadre de concertation',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  progress: [
    {
      indicator: '1.a',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'L’étude de base sera administrée auprès des membres de chaque plateforme de dialogue lors de la tenue des activités de dialogue',
    },
    {
      indicator: '1.b',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'L’indicateur sera renseigné après la diffusion des résultats du baromètre participatif',
    },
    {
      indicator: '1.1.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'La cartographie des acteurs a débuté et est mise grâce aux missions dans les 6 cercles d’intervention.',
    },
    {
      indicator: '1.1.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'La collecte de données du baromètre se fera à partir de décembre 2020',
    },
    {
      indicator: '1.1.3',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Le baromètre sera finalisé et disponible dans la première partie de l’année 2021',
    },
    {
      indicator: '1.2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '166 dont 42 femmes soit 25%',
    },
    {
      indicator: '1.2.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: pasEncoreCommence,
    },
    {
      indicator: '1.2.3',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: nonPrevu,
      reason: pasEncoreCommence,
    },
    {
      indicator: '1.2.4',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: nonPrevu,
      reason: pasEncoreCommence,
    },
    {
      indicator: '1.3.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: pasEncoreCommence,
    },
    {
      indicator: '1.3.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: pasEncoreCommence,
    },
    {
      indicator: '2.a',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: baselineBarometre,
    },
    {
      indicator: '2.b',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: baselineBarometre,
    },
    {
      indicator: '2.1.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'L’analyse des besoins sera finalisée au mois de novembre et les formations pourront démarrés durant le premier trimestre 2020.',
    },
    {
      indicator: '2.1.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: sensibilisationsCcs,
    },
    {
      indicator: '2.2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'Le travail préparatoire de mise en place a démarré et les CCS seront opérationnels dans le courant du premier semestre 2021',
    },
    {
      indicator: '2.2.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: sensibilisationsCcs,
    },
    {
      indicator: '2.2.3',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'NA',
      reason:
        'Ces formations sont prévues dans le cadre de la mise en place des CCS. Elles seront réalisées durant le premier semestre 2021',
    },
    {
      indicator: '2.3.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'Le travail préparatoire de mise en place a démarré et les COFO seront opérationnels dans le courant du premier semestre 2021',
    },
    {
      indicator: '2.3.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'Ces sensibilisations sont prévues dans le cadre de la mise en place des COFO. Elles seront réalisées durant le premier semestre 2021',
    },
    {
      indicator: '3.a',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Ebauche sera présentée lors d’un atelier dans le premier semestre de 2021',
    },
    {
      indicator: '3.b',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Emissions radio commenceront avec les tours juridiques dans les régions du Barreau',
    },
    {
      indicator: '3.c',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'TdR sont en cours de finalisation',
    },
    {
      indicator: '3.1.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Fonds d’assistance judiciaire sera conçu après les recommandations de l’expert international',
    },
    {
      indicator: '3.1.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: nonPrevu,
      reason: 'Commencera après la conception de la stratégie',
    },
    {
      indicator: '3.2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason:
        'Production commencera des que l’accord de collaboration avec le Barreau sera finalise, première émission planifiée lors du premier tour juridique dans les régions',
    },
    {
      indicator: '3.2.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Emissions commenceront avec les tours juridiques',
    },
    {
      indicator: '3.2.3',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Dépliants seront disséminés lors des tours juridiques',
    },
    {
      indicator: '3.3.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'TdR ont été préparés',
    },
    {
      indicator: '3.3.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Réunions de plaidoyer n’ont pas encore commencé',
    },
    {
      indicator: '3.3.3',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: 'N/A',
      reason: 'Evaluation de la participation dans le cadre de concertation en cours',
    },
  ],
  risks: [],
};
