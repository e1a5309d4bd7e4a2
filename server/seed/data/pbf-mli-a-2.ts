// Source: ../shared/seeds/001_d2578cf07c8bd314.txt (PBF annual progress report, Nov. 2020): header lines 1-59, Part II lines 94-111, Part V lines 155-390.
import type { ProgrammeDocumentInput } from '../../../core/contracts/programme-document.js';

const regroupementReporte =
  'Les activités de regroupement ont été reportées suite aux instructions gouvernementales';

export const pbfMliA2: ProgrammeDocumentInput = {
  code: 'PBF/MLI/A-2',
  kind: 'project',
  fundCode: 'PBF/MLI/A-2',
  title: {
    fr: 'Appui au nouveau cadre politique de gestion de la crise du centre (Mopti et Ségou)',
    en: 'Support to the new policy framework for managing the crisis in the Centre (Mopti and Ségou)',
  },
  country: 'ML',
  trustFund: { kind: 'none' },
  // the seed: "Janvier 2020", the month only
  firstTransferDate: '2020-01',
  endDate: '2021-12-31',
  currency: 'USD',
  priorityWindows: [],
  genderMarker: { code: 'GM1', text: 'GEN 1' },
  riskMarker: { level: 'high', text: '2' },
  genderBudgetAllocated: 324547,
  financialSnapshots: [
    {
      asOf: '2020-11-30',
      implementationRate: 37,
      genderBudgetSpent: 86645,
      source: 'Rapport annuel 2020',
    },
  ],
  places: ['Mopti', 'Ségou', 'Koro', 'Douentza'],
  organisations: [
    {
      code: 'SP-CPGCC',
      kind: 'government',
      name: {
        fr: 'Secrétariat permanent du Cadre politique de gestion de la crise au centre',
        en: 'Permanent Secretariat of the Policy Framework for Managing the Crisis in the Centre',
      },
      acronym: { fr: 'SP', en: 'PS' },
    },
    {
      code: 'ADR-MOPTI',
      kind: 'government',
      name: { fr: 'Agence de développement régional de Mopti', en: 'Mopti Regional Development Agency' },
      acronym: { fr: 'ADR Mopti', en: 'RDA Mopti' },
    },
    {
      code: 'ADR-SEGOU',
      kind: 'government',
      name: { fr: 'Agence de développement régional de Ségou', en: 'Ségou Regional Development Agency' },
      acronym: { fr: 'ADR Ségou', en: 'RDA Ségou' },
    },
  ],
  recipients: [{ organisation: 'UNDP', convening: true, approvedBudget: 1498000 }],
  implementingPartners: [
    {
      organisation: 'SP-CPGCC',
      note: 'Ancrage institutionnel du projet, avec les comités régionaux auprès des Gouverneurs de Mopti et Ségou',
    },
    {
      organisation: 'ADR-MOPTI',
      note: 'Accord de partenariat (restitutions des communes, CROCSAD, CLOCSAD, CCOCSAD)',
    },
    {
      organisation: 'ADR-SEGOU',
      note: 'Accord de partenariat (restitutions des communes, CROCSAD, CLOCSAD, CCOCSAD)',
    },
    {
      organisation: 'MINUSMA',
      note: 'Sections Affaires Politiques et Civiles; prend en charge des experts du Secrétariat Permanent',
    },
  ],
  donors: [{ organisation: 'PBF', amount: 1498000 }],
  frameworks: [
    {
      version: 1,
      label: { fr: 'Document de projet', en: 'Project document' },
      effectiveDate: '2020-01-01',
      reason: {
        fr: 'Cadre de résultats du document de projet approuvé',
        en: 'Results framework of the approved project document',
      },
      outcomes: [
        {
          code: '1',
          statement: {
            fr: 'Les instances d’orientation politique, de pilotage et de coordination des actions en matière de consolidation de la paix au niveau central et régional sensibles aux besoins des femmes et des jeunes sont fonctionnelles et fournissent une réponse politique',
            en: 'Policy guidance, steering and coordination bodies for peacebuilding action at central and regional level, responsive to the needs of women and youth, are functional and provide a policy response',
          },
          indicators: [
            {
              code: '1.1',
              title: {
                fr: 'Existence d’une matrice de cohérence des actions de consolidation de la paix dans les régions du centre au niveau du secrétariat permanent du cadre de gestion de la crise.',
                en: 'Existence of a coherence matrix of peacebuilding actions in the central regions at the permanent secretariat of the crisis management framework',
              },
              unit: 'matrice',
              baseline: '0',
              endTarget: '1',
              milestones: [{ value: '1' }],
            },
            {
              code: '1.2',
              title: {
                fr: 'Fonctionnement effectif des comités régionaux incluant au moins 30% de femmes pour la coordination de l’action gouvernementale dans la gestion de la crise.',
                en: 'Effective functioning of regional committees including at least 30% women to coordinate government action in crisis management',
              },
              unit: 'comités régionaux',
              baseline: '0',
              endTarget: '2',
              milestones: [{ value: '2' }],
            },
          ],
          outputs: [
            {
              code: '1.1',
              statement: {
                fr: 'Le Secrétariat permanent du Cadre Politique de gestion de la crise au centre est renforcé pour assurer une meilleure coordination des actions de consolidation de la paix dans les régions du centre',
                en: 'The Permanent Secretariat of the Policy Framework for Managing the Crisis in the Centre is strengthened to better coordinate peacebuilding actions in the central regions',
              },
              indicators: [
                {
                  code: '1.1.1',
                  title: {
                    fr: 'Nombre des personnes formées et capables d’utiliser les connaissances acquises désagrégé par sexe et par âge.',
                    en: 'Number of people trained and able to use the knowledge acquired, disaggregated by sex and age',
                  },
                  unit: 'personnes',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '30',
                  milestones: [{ value: '15. Cet indicateur sera atteint au cours de 2021' }],
                },
                {
                  code: '1.1.2',
                  title: {
                    fr: 'Disponibilité d’une expertise technique permanente au sein du secrétariat permanent sur le nexus humanitaire-paix et développement',
                    en: 'Availability of permanent technical expertise on the humanitarian-peace-development nexus within the permanent secretariat',
                  },
                  baseline: '0',
                  endTarget: '1',
                  milestones: [{ value: '1' }],
                },
              ],
            },
            {
              code: '1.2',
              statement: {
                fr: 'Appuyer l’installation effective des comités régionaux',
                en: 'Support the effective establishment of the regional committees',
              },
              indicators: [
                {
                  code: '1.2.1',
                  title: {
                    fr: 'Nombre des agents des services techniques formés désagrégé par sexe et âge',
                    en: 'Number of technical service staff trained, disaggregated by sex and age',
                  },
                  unit: 'agents',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '50',
                  milestones: [{ value: '50 au cours de 2021' }],
                },
                {
                  code: '1.2.2',
                  title: { fr: 'Nombre de réunions tenues', en: 'Number of meetings held' },
                  unit: 'réunions',
                  baseline: '0',
                  endTarget: '24',
                  milestones: [
                    {
                      value:
                        'Les autres réunions seront tenues au cours de ce trimestre et se poursuivront en 2021',
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          code: '2',
          statement: {
            fr: 'Les citoyens adhèrent aux mécanismes de gestion de la crise et les perceptions négatives (rumeurs et stéréotypes) sont réduites grâce à une campagne de communication sur le Cadre, un plus grand accès à l’information sur la gestion de la crise et un meilleur partage de l’information entre les niveaux central, régional et local.',
            en: 'Citizens support the crisis management mechanisms and negative perceptions (rumours and stereotypes) are reduced through a communication campaign on the Framework, greater access to information on crisis management and better information sharing between central, regional and local levels',
          },
          indicators: [
            {
              code: '2.1',
              title: {
                fr: 'Réduction des perceptions négatives des citoyens sur les efforts de l’Etat en matière de consolidation de la paix dans les régions du centre',
                en: 'Reduction of citizens’ negative perceptions of State peacebuilding efforts in the central regions',
              },
              baseline: '0',
              endTarget: '50%',
              milestones: [{ value: 'Les en enquêtes de perception seront organisées en 2021' }],
            },
            {
              code: '2.2',
              title: {
                fr: 'Amélioration du niveau de participation des populations aux activités de communication et sensibilisation par rapport à la situation de référence',
                en: 'Improvement in the level of population participation in communication and awareness activities compared with the baseline',
              },
              baseline: '0',
              endTarget: '50%',
              milestones: [{ value: '0' }],
            },
          ],
          outputs: [
            {
              code: '2.1',
              statement: {
                fr: 'Les mécanismes d’information et de sensibilisation des populations sur le Cadre politique de gestion de la crise sont renforcées',
                en: 'Mechanisms to inform and raise awareness among the population about the Policy Framework for crisis management are strengthened',
              },
              indicators: [
                {
                  code: '2.1.1',
                  title: { fr: 'Nombre d’OSC appuyées', en: 'Number of civil society organisations supported' },
                  unit: 'OSC',
                  baseline: '0',
                  endTarget: '5',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.1.2',
                  title: {
                    fr: 'Nombre de radios communautaires appuyées qui diffusent les messages de paix',
                    en: 'Number of supported community radios broadcasting peace messages',
                  },
                  unit: 'radios communautaires',
                  baseline: '0',
                  endTarget: '10',
                  milestones: [{ value: '0' }],
                },
              ],
            },
            {
              code: '2.2',
              statement: {
                fr: 'Les sondages réguliers sont organisés en vue d’analyser les perceptions des populations sur les efforts de l’Etat en matière de consolidation de la paix',
                en: 'Regular polls are conducted to analyse the population’s perceptions of State peacebuilding efforts',
              },
              indicators: [
                {
                  code: '2.2.1',
                  title: { fr: 'Nombre de sondages organisés', en: 'Number of polls conducted' },
                  unit: 'sondages',
                  baseline: '0',
                  endTarget: '4',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '2.2.2',
                  title: {
                    fr: 'Nombre d’ateliers organisés dont les participants sont au moins 30% de femmes',
                    en: 'Number of workshops held with at least 30% women participants',
                  },
                  unit: 'ateliers',
                  baseline: '0',
                  endTarget: '6',
                  milestones: [{ value: '2' }],
                },
              ],
            },
          ],
        },
        {
          code: '3',
          statement: {
            fr: 'Les cadres de redevabilité incluant les femmes et les jeunes sont créés et renforcés au niveau central et régional pour assurer un suivi citoyen de la mise en œuvre du plan opérationnel du cadre politique de gestion de la crise.',
            en: 'Accountability frameworks including women and youth are created and strengthened at central and regional level to ensure citizen monitoring of the implementation of the operational plan of the crisis management policy framework',
          },
          indicators: [
            {
              code: '3.1',
              title: {
                fr: 'Nombre d’actions parlementaires engagées pour le contrôle de l’action gouvernementale dans la gestion de la crise au centre',
                en: 'Number of parliamentary actions undertaken to oversee government action in managing the crisis in the Centre',
              },
              unit: 'actions parlementaires',
              baseline: '0',
              endTarget: '2',
              milestones: [{ value: '0' }],
            },
            {
              code: '3.2',
              title: {
                fr: 'Nombre de recommandations issues des foras régionaux sur la gestion de la crise mises en œuvre',
                en: 'Number of recommendations from the regional forums on crisis management implemented',
              },
              unit: 'recommandations',
              baseline: '0',
              endTarget: '10',
              milestones: [{ value: '0' }],
            },
          ],
          outputs: [
            {
              code: '3.1',
              statement: {
                fr: 'La commission paix et sécurité de l’Assemblée Nationale est appuyée dans son rôle de contrôle de l’action gouvernementale en particulier en matière de consolidation de la paix',
                en: 'The peace and security committee of the National Assembly is supported in its role of overseeing government action, particularly on peacebuilding',
              },
              indicators: [
                {
                  code: '3.1.1',
                  title: {
                    fr: 'Nombre de parlementaires formés désagrégé par sexe et âge',
                    en: 'Number of parliamentarians trained, disaggregated by sex and age',
                  },
                  unit: 'parlementaires',
                  disaggregations: ['sex', 'age'],
                  baseline: '0',
                  endTarget: '50',
                  milestones: [{ value: '0' }],
                },
                {
                  code: '3.1.2',
                  title: {
                    fr: 'Nombre de visites d’échanges organisés',
                    en: 'Number of exchange visits organised',
                  },
                  unit: 'visites',
                  baseline: '0',
                  endTarget: '2',
                  milestones: [{ value: 'Elles seront organisées en mars et Septembre 2021' }],
                },
              ],
            },
            {
              code: '3.2',
              statement: {
                fr: 'Des foras régionaux sont appuyés afin que les acteurs étatiques au niveau local rendent compte sur la gestion de la crise et les actions de consolidation de la paix',
                en: 'Regional forums are supported so that State actors at local level account for crisis management and peacebuilding actions',
              },
              indicators: [
                {
                  code: '3.2.1',
                  title: {
                    fr: 'Nombre de sessions de restitutions appuyées',
                    en: 'Number of feedback sessions supported',
                  },
                  unit: 'sessions',
                  baseline: '0',
                  endTarget: '11',
                  milestones: [{ value: 'Les restitutions se poursuivront en 2020 et 2021' }],
                },
                {
                  code: '3.2.2',
                  title: {
                    fr: 'Nombre de réunions régulières des CROCSAD et CLOCSAD appuyées',
                    en: 'Number of regular CROCSAD and CLOCSAD meetings supported',
                  },
                  unit: 'réunions',
                  baseline: '0',
                  endTarget: '70',
                  milestones: [
                    { value: 'L’indicateur sera atteint au derneier trimestre 2020 et au cours de 20216' },
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
    { indicator: '1.1', periodStart: '2020-01-01', periodEnd: '2020-11-30', value: '1' },
    { indicator: '1.2', periodStart: '2020-01-01', periodEnd: '2020-11-30', value: '2' },
    {
      indicator: '1.1.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '15 dont 6 femmes',
      reason: regroupementReporte,
    },
    {
      indicator: '1.1.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '1',
      reason: 'Le projet met a disposition selon les besoins',
    },
    {
      indicator: '1.2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: regroupementReporte,
    },
    { indicator: '1.2.2', periodStart: '2020-01-01', periodEnd: '2020-11-30', value: '9' },
    {
      indicator: '2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: regroupementReporte,
    },
    {
      indicator: '2.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: regroupementReporte,
    },
    { indicator: '2.1.1', periodStart: '2020-01-01', periodEnd: '2020-11-30', value: '0' },
    {
      indicator: '2.1.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: "Le processus d'identification des radio est en cours",
    },
    {
      indicator: '2.2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: "Les sondages n'ont pas pu être réalisés sous période à cause du Covid",
    },
    { indicator: '2.2.2', periodStart: '2020-01-01', periodEnd: '2020-11-30', value: '2' },
    {
      indicator: '3.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason:
        'Cette activité est reportée pour 2021. Au moment de la planification la tenue des élections était incertaine',
    },
    {
      indicator: '3.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: regroupementReporte,
    },
    {
      indicator: '3.1.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: "Cette activité est reportée pour 2021. L'assemblée a été dissoute",
    },
    {
      indicator: '3.1.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason:
        'Cette activité est reportée pour 2021. Au moment de la planification la tenue des élections était incertaine',
    },
    {
      indicator: '3.2.1',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '0',
      reason: regroupementReporte,
    },
    {
      indicator: '3.2.2',
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      value: '16',
      reason: regroupementReporte,
    },
  ],
  risks: [],
};
