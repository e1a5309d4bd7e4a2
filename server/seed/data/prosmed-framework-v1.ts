// Source: ../shared/seeds/003_a95ab229855d4389.txt, "IV. Cadre des résultats" (lines 2594-3639); UN Women Strategic Note outputs from lines 1788-1822.
import type { FrameworkVersionInput } from '../../../core/contracts/programme-document.js';

const nat = (text: string) => ({ text, date: '2020-11', source: 'Donnée nationale' });
const sipri = (): string[] => ['Etude SIPRI-PNUD 2020/2022/2024'];

export const prosmedFrameworkV1: FrameworkVersionInput = {
  version: 1,
  label: { fr: 'Document de programme (21 cercles)', en: 'Programme document (21 cercles)' },
  effectiveDate: '2021-01-01',
  reason: {
    fr: 'Cadre de résultats du document de programme signé',
    en: 'Results framework of the signed programme document',
  },
  outcomes: [
    {
      code: '1',
      statement: {
        fr: 'Les populations bénéficient d’infrastructures de paix et de mécanismes de prévention et gestion des conflits efficaces, inclusifs et accessibles à toutes et tous',
        en: 'People benefit from peace infrastructures and conflict prevention and management mechanisms that are effective, inclusive and accessible to all',
      },
      indicators: [
        {
          code: '1.1',
          title: {
            fr: '% des personnes qui font confiance en l’état pour promouvoir la cohésion sociale, la réconciliation et la paix dans les zones ciblées par le projet',
            en: '% of people who trust the State to promote social cohesion, reconciliation and peace in the areas targeted by the project',
          },
          measure: 'percent',
          direction: 'increase',
          baseline: nat('78,97% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+10% dans les zones ciblées',
          },
          endTarget: '+10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '1.2',
          title: {
            fr: '% de populations qui connaissent les mécanismes étatiques de gestion et prévention des conflits',
            en: '% of people who know the State mechanisms for conflict management and prevention',
          },
          measure: 'percent',
          direction: 'increase',
          baseline: nat('37,37% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+10% dans les zones ciblées',
          },
          endTarget: '+10% dans les zones ciblées',
          sources: sipri(),
        },
      ],
      outputs: [
        {
          code: '1.1',
          statement: {
            fr: 'Les capacités du MRN à piloter et suivre la mise en œuvre de la stratégie de réconciliation nationale et de cohésion sociale sont renforcées',
            en: 'The capacities of the MRN to steer and monitor the implementation of the national reconciliation and social cohesion strategy are strengthened',
          },
          indicators: [
            {
              code: '1.1.1',
              title: {
                fr: 'Stratégie nationale de cohésion sociale et de réconciliation nationale (SNCSRN 2021-25) et plan d’actions annuels adoptés',
                en: 'National strategy for social cohesion and national reconciliation (SNCSRN 2021-25) and annual action plans adopted',
              },
              measure: 'document',
              baseline: '0',
              targets: {
                '2021': 'Stratégie et plan d’action 2021',
                '2022': 'Plan d’action 2022',
                '2023': 'Plan d’action 2023',
                '2024': 'Plan d’action 2024',
                '2025': 'Plan d’action 2025',
              },
              endTarget: 'Plan d’action 2025',
              sources: ['Rapports MRN', 'Rapports projet'],
            },
            {
              code: '1.1.2',
              title: {
                fr: 'Nbre de réunions du comité de suivi de la mise en œuvre de la SNCSRN au niveau interministériel et au niveau des PTF/OSC',
                en: 'Number of meetings of the SNCSRN implementation monitoring committee at inter-ministerial level and at the level of technical and financial partners/CSOs',
              },
              measure: 'number',
              unit: 'réunions',
              baseline: '0',
              targets: { '2021': '3', '2022': '3', '2023': '3', '2024': '3', '2025': '3' },
              // the document gives yearly counts only: the end of project target is their sum (docs/domain.md)
              endTarget: '15',
              sources: ['Rapports MRN', 'Rapports projet'],
            },
          ],
          activities: [],
        },
        {
          code: '1.2',
          statement: {
            fr: 'Les mécanismes de prévention et de gestion des conflits sont plus efficaces, inclusifs et accessibles dans les zones ciblées par le projet',
            en: 'Conflict prevention and management mechanisms are more effective, inclusive and accessible in the areas targeted by the project',
          },
          indicators: [
            {
              code: '1.2.1',
              title: {
                fr: 'Nbre de communes des cercles ciblés dont les mécanismes de gestion et prévention des conflits (CCR, COFO, mécanismes informels recensés par le MRN) sont renforcés par le projet',
                en: 'Number of communes in the targeted cercles whose conflict management and prevention mechanisms (CCR, COFO, informal mechanisms listed by the MRN) are strengthened by the project',
              },
              measure: 'number',
              unit: 'communes',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '58', '2022': '69', '2023': '138', '2024': '207', '2025': '276' },
              endTarget: '276',
              sources: [
                'Rapports ERAR/CCR',
                'Rapports Direction régionale de l’agriculture',
                'Rapports OSC',
                'Rapports projet',
              ],
            },
            {
              code: '1.2.2',
              title: {
                fr: 'Nbre d’acteurs formels et informels intervenant en matière de gestion des conflits formés',
                en: 'Number of formal and informal conflict management actors trained',
              },
              measure: 'number',
              unit: 'acteurs',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '580', '2022': '690', '2023': '1380', '2024': '2070', '2025': '2760' },
              endTarget: '2760',
              sources: ['Rapports ERAR/CCR', 'Rapports OSC', 'Rapports projet'],
            },
            {
              code: '1.2.3',
              title: {
                fr: 'Nbre d’initiatives/infrastructures de paix mises en œuvre dans les communes des cercles ciblés par le programme',
                en: 'Number of peace initiatives/infrastructures implemented in the communes of the cercles targeted by the programme',
              },
              measure: 'number',
              unit: 'initiatives',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '0', '2022': '0', '2023': '92', '2024': '184', '2025': '276' },
              endTarget: '276',
              sources: ['Rapports ERAR/CCR', 'Rapports OSC', 'Rapports projet'],
            },
          ],
          activities: [],
        },
        {
          code: '1.3',
          statement: {
            fr: 'La présence et capacités des femmes et jeunes dans les mécanismes de gestion et prévention des conflits sont renforcée',
            en: 'The presence and capacities of women and young people in conflict management and prevention mechanisms are strengthened',
          },
          indicators: [
            {
              code: '1.3.1',
              title: {
                fr: 'Compendium/cartographie des compétences des jeunes et des femmes finalisés',
                en: 'Compendium/mapping of the skills of young people and women finalised',
              },
              measure: 'document',
              baseline: '0',
              targets: {
                '2021': '1 par cercle ciblé',
                '2022': '1 par cercle ciblé',
                '2023': '1 par cercle ciblé',
                '2024': null,
                '2025': null,
              },
              sources: ['Compendium disponible en ligne'],
            },
            {
              code: '1.3.2',
              title: {
                fr: 'Nombre d’acteurs formels et informels formés/sensibilisés sur le genre et le droit des femmes, notamment en matière d’accès à la terre',
                en: 'Number of formal and informal actors trained/sensitised on gender and women’s rights, in particular access to land',
              },
              measure: 'number',
              unit: 'acteurs',
              cumulative: true,
              baseline: 'Baseline à établir avant le démarrage des activités',
              targets: { '2021': '580', '2022': '690', '2023': '1380', '2024': '2070', '2025': '2760' },
              endTarget: '2760',
              sources: ['Rapports/Etudes OSC'],
            },
            {
              code: '1.3.3',
              title: {
                fr: '% de mécanismes de gestion et prévention des conflits regroupant au moins 30% de jeunes et de femmes dans les communes couvertes par le projet',
                en: '% of conflict management and prevention mechanisms with at least 30% young people and women in the communes covered by the project',
              },
              measure: 'percent',
              baseline: 'Baseline à établir avant le démarrage des activités',
              targets: { '2021': '15%', '2022': '20%', '2023': '30%', '2024': '45%', '2025': '60%' },
              endTarget: '60%',
              sources: ['Rapports/Etudes OSC'],
            },
          ],
          activities: [],
        },
      ],
    },
    {
      code: '2',
      statement: {
        fr: "Les populations, notamment les femmes et les filles survivantes de VBG, retrouvent la confiance et ont un accès effectif à des services de sécurité, justice et des institutions des droits de l'homme plus efficaces et transparents",
        en: 'People, especially women and girl survivors of GBV, regain trust in and have effective access to more effective and transparent security and justice services and human rights institutions',
      },
      indicators: [
        {
          code: '2.1',
          title: {
            fr: '% des populations qui font confiance aux acteurs de sécurité (police/gendarmerie) dans les localités ciblées',
            en: '% of people who trust security actors (police/gendarmerie) in the targeted localities',
          },
          measure: 'percent',
          direction: 'increase',
          baseline: nat('59,49% (police) ; 88,01% (gendarmerie)(Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+3% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+6% dans les zones ciblées',
          },
          endTarget: '+6% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '2.2',
          title: {
            fr: '% des populations qui ont sollicité un acteur de la sécurité dans les 6 derniers mois et qui sont satisfait de la réponse apportée.',
            en: '% of people who called on a security actor in the last 6 months and are satisfied with the response provided',
          },
          measure: 'percent',
          direction: 'increase',
          baseline: nat('47,8% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+10% dans les zones ciblées',
          },
          endTarget: '+10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '2.3',
          title: {
            fr: '% des populations qui font confiance aux acteurs de la justice dans les localités ciblées',
            en: '% of people who trust justice actors in the targeted localities',
          },
          measure: 'percent',
          direction: 'increase',
          baseline: nat('55,22% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+10% dans les zones ciblées',
          },
          endTarget: '+10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '2.4',
          title: {
            fr: '% de détention préventive dans les localités ciblées',
            en: '% of pre-trial detention in the targeted localities',
          },
          measure: 'percent',
          direction: 'decrease',
          baseline: '70% (2020)',
          targets: {
            '2021': null,
            '2022': '-5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '-10% dans les zones ciblées',
          },
          endTarget: '-10% dans les zones ciblées',
          sources: ['Rapports DNAPES'],
        },
      ],
      outputs: [
        {
          code: '2.1',
          statement: {
            fr: 'Les capacités des services en charge de la sécurité sont renforcées',
            en: 'The capacities of the security services are strengthened',
          },
          indicators: [
            {
              code: '2.1.1',
              title: {
                fr: 'Stratégie Réforme du Secteur de la Sécurité (RSS) adoptée et les plans d’actions annuels finalisés',
                en: 'Security Sector Reform (SSR) strategy adopted and annual action plans finalised',
              },
              measure: 'document',
              baseline: '0',
              targets: {
                '2021': 'Plan d’action 2021',
                '2022': 'Plan d’action 2022',
                '2023': 'Plan d’action 2023',
                '2024': 'Plan d’action 2024',
                '2025': 'Plan d’action 2025',
              },
              endTarget: 'Plan d’action 2025',
              sources: ['Rapports CRSS', 'Rapports projet'],
            },
            {
              code: '2.1.2',
              title: {
                fr: 'Nbre d’infrastructures de sécurité (commissariat/brigade) construites/réhabilitées',
                en: 'Number of security infrastructures (police stations/gendarmerie brigades) built/rehabilitated',
              },
              measure: 'number',
              unit: 'infrastructures',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '1', '2022': '1', '2023': '5', '2024': '15', '2025': '20' },
              endTarget: '20',
              sources: ['Rapports MJDH', 'Rapports MSPC'],
            },
            {
              code: '2.1.3',
              title: {
                fr: 'Nbre de personnels de sécurité formés (désagrégé par sexe et Direction Générale)',
                en: 'Number of security personnel trained (disaggregated by sex and Directorate General)',
              },
              measure: 'number',
              unit: 'personnes',
              cumulative: true,
              disaggregations: ['sex', 'organisation'],
              baseline: '0',
              targets: { '2021': '200', '2022': '250', '2023': '750', '2024': '1250', '2025': '2000' },
              endTarget: '2000',
              sources: ['Rapports MSPC', 'Rapports DGPN', 'Rapports DGGN'],
            },
          ],
          activities: [],
        },
        {
          code: '2.2',
          statement: {
            fr: 'Les capacités des services judiciaires et pénitentiaires sont renforcées',
            en: 'The capacities of the judicial and prison services are strengthened',
          },
          indicators: [
            {
              code: '2.2.1',
              title: {
                fr: 'Plan d’actions annuels de la Loi d’orientation et de programmation du secteur de la justice (LOPSJ) finalisés',
                en: 'Annual action plans of the justice sector orientation and programming law (LOPSJ) finalised',
              },
              measure: 'document',
              baseline: '0',
              targets: {
                '2021': 'Plan d’action 2021',
                '2022': 'Plan d’action 2022',
                '2023': 'Plan d’action 2023',
                '2024': 'Plan d’action 2024',
                '2025': 'Plan d’action 2025',
              },
              endTarget: 'Plan d’action 2025',
              sources: ['Rapports CPS MJSH', 'Rapports projet'],
            },
            {
              code: '2.2.2',
              title: {
                fr: 'Nbre de infrastructures de justice (juridictions/EPES) construites/réhabilitées',
                en: 'Number of justice infrastructures (courts/prisons) built/rehabilitated',
              },
              measure: 'number',
              unit: 'infrastructures',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '1', '2022': '3', '2023': '5', '2024': '15', '2025': '20' },
              endTarget: '20',
              sources: ['Rapports MJDH', 'Rapports MSPC'],
            },
            {
              code: '2.2.3',
              title: {
                fr: 'Nbre de personnels de justice formés (désagrégés par sexe et fonction (Juridictions/EPES)',
                en: 'Number of justice personnel trained (disaggregated by sex and function (courts/prisons))',
              },
              measure: 'number',
              unit: 'personnes',
              cumulative: true,
              disaggregations: ['sex', 'category'],
              baseline: '0',
              targets: { '2021': '50', '2022': '75', '2023': '150', '2024': '300', '2025': '400' },
              endTarget: '400',
              sources: ['Rapports MJDH'],
            },
          ],
          activities: [],
        },
        {
          code: '2.3',
          statement: {
            fr: "L'accès et la confiance des populations envers les services de sécurité et de justice sont renforcées",
            en: 'People’s access to and trust in security and justice services are strengthened',
          },
          indicators: [
            {
              code: '2.3.1',
              title: {
                fr: 'Nbre de comités consultatifs de sécurité (régionaux et communaux) opérationnels',
                en: 'Number of operational (regional and communal) security advisory committees',
              },
              measure: 'number',
              unit: 'comités',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '17', '2022': '17', '2023': '23', '2024': '27', '2025': '31' },
              endTarget: '31',
              sources: ['Rapports CRSS', 'Rapports OSC'],
            },
            {
              code: '2.3.2',
              title: {
                fr: 'Nbre de personnes sensibilisées sur le rôle des acteurs de la sécurité et de la justice dans la lutte contre l’impunité (désagrégé par sexe)',
                en: 'Number of people made aware of the role of security and justice actors in the fight against impunity (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'personnes',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '1000', '2022': '1000', '2023': '10000', '2024': '30000', '2025': '60000' },
              endTarget: '60000',
              sources: ['Rapports OSC'],
            },
            {
              code: '2.3.3',
              title: {
                fr: 'Nbre de personnes vulnérables bénéficiant d’une aide juridictionnelle (désagrégé par sexe)',
                en: 'Number of vulnerable people receiving legal aid (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'personnes',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '0', '2022': '0', '2023': '200', '2024': '400', '2025': '600' },
              endTarget: '600',
              sources: ['Rapport Barreau/OSC'],
            },
          ],
          activities: [],
        },
        {
          code: '2.4',
          statement: {
            fr: 'La sensibilité au genre des systèmes de sécurité et de justice est renforcée',
            en: 'The gender sensitivity of the security and justice systems is strengthened',
          },
          indicators: [
            {
              code: '2.4.1',
              title: {
                fr: 'Nbre de personnels de sécurité et de justice sensibilisés/formes en lien avec le genre et le droit des femmes (désagrégé par sexe)',
                en: 'Number of security and justice personnel sensitised/trained on gender and women’s rights (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'personnes',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '50', '2022': '75', '2023': '100', '2024': '150', '2025': '200' },
              endTarget: '200',
              sources: ['Rapports MSPC', 'Rapports MJDH'],
            },
            {
              code: '2.4.2',
              title: {
                fr: 'Nbre de points focaux/unités genre des forces de sécurité et de la justice présents dans les zones ciblées (désagrégé par sexe)',
                en: 'Number of gender focal points/units of the security forces and justice present in the targeted areas (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'points focaux/unités genre',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '10', '2022': '10', '2023': '20', '2024': '30', '2025': '40' },
              endTarget: '40',
              sources: ['Rapports MSPC', 'Rapports MJDH'],
            },
            {
              code: '2.4.3',
              title: {
                fr: 'Nbre de femmes victimes de VBG bénéficiant d’une aide juridictionnelle',
                en: 'Number of women GBV survivors receiving legal aid',
              },
              measure: 'number',
              unit: 'femmes',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '25', '2022': '50', '2023': '100', '2024': '150', '2025': '200' },
              endTarget: '200',
              sources: ['Rapports one-stop centers'],
            },
          ],
          activities: [],
        },
        {
          code: '2.5',
          statement: {
            fr: "Les capacités des acteurs chargés de lutter contre l'impunité sont renforcées",
            en: 'The capacities of the actors in charge of fighting impunity are strengthened',
          },
          indicators: [
            {
              code: '2.5.1',
              title: {
                fr: 'Nbre de dossiers en lien avec des graves violations jugés par la justice ordinaire/militaire (désagrégé par juridiction)',
                en: 'Number of cases related to serious violations tried by ordinary/military courts (disaggregated by jurisdiction)',
              },
              measure: 'number',
              unit: 'dossiers',
              cumulative: true,
              disaggregations: ['category'],
              baseline: '0',
              targets: { '2021': '0', '2022': '0', '2023': '5', '2024': '10', '2025': '15' },
              endTarget: '15',
              sources: ['Rapports DJM', 'Rapports MJDH'],
            },
            {
              code: '2.5.2',
              title: {
                fr: 'Nbre d’auditions publiques organisées par la CVJR (avec désagrégation des dossiers auditionnés par sexe)',
                en: 'Number of public hearings organised by the CVJR (with the cases heard disaggregated by sex)',
              },
              measure: 'number',
              unit: 'auditions publiques',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '2 (2020)',
              targets: {
                '2021': '6 (20% dossiers de femmes victimes/témoins)',
                '2022': '6 (20% dossiers de femmes victimes/témoins)',
                '2023': '6 (20% dossiers de femmes victimes/témoins)',
                '2024': '6 (20% dossiers de femmes victimes/témoins)',
                '2025': '6 (20% dossiers de femmes victimes/témoins)',
              },
              endTarget: '6 (20% dossiers de femmes victimes/témoins)',
              sources: ['Rapports CVJR'],
            },
            {
              code: '2.5.3',
              title: {
                fr: 'Nbre d’antenne de la CNDH pleinement opérationnelles',
                en: 'Number of fully operational CNDH branch offices',
              },
              measure: 'number',
              unit: 'antennes',
              cumulative: true,
              baseline: '1 (Mopti)',
              targets: { '2021': '1', '2022': '1', '2023': '2', '2024': '3', '2025': '4' },
              endTarget: '4',
              sources: ['Rapports CNDH'],
            },
            {
              code: '2.5.4',
              title: {
                fr: 'Nbre d’OSC relais appuyant l’action de la CNDH dans les régions',
                en: 'Number of relay CSOs supporting the work of the CNDH in the regions',
              },
              measure: 'number',
              unit: 'OSC',
              cumulative: true,
              baseline: '8 (Mopti)',
              targets: { '2021': '8', '2022': '12', '2023': '25', '2024': '25', '2025': '40' },
              endTarget: '40',
              sources: ['Rapports CNDH'],
            },
          ],
          activities: [],
        },
      ],
    },
    {
      code: '3',
      statement: {
        fr: 'La corruption au sein des services publics, et en particulier ceux de la sécurité et de la justice, est diminuée grâce aux efforts de prévention et de répression et au renforcement du contrôle citoyen des populations',
        en: 'Corruption in public services, in particular security and justice services, is reduced through prevention and enforcement efforts and stronger citizen oversight',
      },
      indicators: [
        {
          code: '3.1',
          title: {
            fr: '% des populations qui considèrent la police comme corrompues',
            en: '% of people who consider the police corrupt',
          },
          measure: 'percent',
          direction: 'decrease',
          baseline: nat('66,43% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '-5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '-10% dans les zones ciblées',
          },
          endTarget: '-10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '3.2',
          title: {
            fr: '% des populations qui considèrent la gendarmerie comme corrompues',
            en: '% of people who consider the gendarmerie corrupt',
          },
          measure: 'percent',
          direction: 'decrease',
          baseline: nat('60,44% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '-5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '-10% dans les zones ciblées',
          },
          endTarget: '-10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '3.3',
          title: {
            fr: '% des populations qui considèrent les institutions nationales comme corrompues',
            en: '% of people who consider national institutions corrupt',
          },
          measure: 'percent',
          direction: 'decrease',
          baseline: nat('76,97% (Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '-5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '-10% dans les zones ciblées',
          },
          endTarget: '-10% dans les zones ciblées',
          sources: sipri(),
        },
      ],
      outputs: [
        {
          code: '3.1',
          statement: {
            fr: 'La redevabilité et la transparence des acteurs de la sécurité et de la justice sont renforcées',
            en: 'The accountability and transparency of security and justice actors are strengthened',
          },
          indicators: [
            {
              code: '3.1.1',
              title: {
                fr: 'Niveau de fonctionnalité des mécanismes de contrôle interne des juridictions',
                en: 'Level of functionality of the courts’ internal control mechanisms',
              },
              measure: 'text',
              baseline: '0',
              targets: {
                '2021': 'Tableaux de bords en place',
                '2022': 'Tableaux de bords en place',
                '2023': 'Visites régulières des procureurs auprès des JPCE',
                '2024': 'Notices préparées par les JI',
                '2025': 'Visite de contrôle des chambres d’accusation sur le JI',
              },
              endTarget: 'Visite de contrôle des chambres d’accusation sur le JI',
              sources: ['Rapports CPS', 'Rapport projet'],
            },
            {
              code: '3.1.2',
              title: {
                fr: 'Nbre de missions d’inspections des services judiciaires réalisées dans les zones ciblées',
                en: 'Number of inspection missions of the judicial services carried out in the targeted areas',
              },
              measure: 'number',
              unit: 'missions',
              baseline: '0',
              targets: { '2021': '5', '2022': '5', '2023': '5', '2024': '5', '2025': '5' },
              // the document gives yearly counts only: the end of project target is their sum (docs/domain.md)
              endTarget: '25',
              sources: ['Rapports ISJ'],
            },
            {
              code: '3.1.3',
              title: {
                fr: 'Nbre de missions d’inspections des forces de sécurité réalisées dans les zones ciblées',
                en: 'Number of inspection missions of the security forces carried out in the targeted areas',
              },
              measure: 'number',
              unit: 'missions',
              baseline: '0',
              targets: { '2021': '5', '2022': '5', '2023': '5', '2024': '5', '2025': '5' },
              // the document gives yearly counts only: the end of project target is their sum (docs/domain.md)
              endTarget: '25',
              sources: ['Rapport Inspections MSPC, DGPN et DGGN'],
            },
          ],
          activities: [],
        },
        {
          code: '3.2',
          statement: {
            fr: 'Les capacités des acteurs judiciaires chargés de lutte contre la corruption sont renforcées',
            en: 'The capacities of the judicial actors in charge of fighting corruption are strengthened',
          },
          indicators: [
            {
              code: '3.2.1',
              title: {
                fr: 'Nbre de personnels du PEF formés (désagrégé par sexe)',
                en: 'Number of PEF (economic and financial division) personnel trained (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'personnes',
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '30', '2022': '30', '2023': '30', '2024': '30', '2025': '30' },
              // the document gives yearly counts only: the end of project target is their sum (docs/domain.md)
              endTarget: '150',
              sources: ['Rapports de formation'],
            },
            {
              code: '3.2.2',
              title: {
                fr: 'Nbre de jugements rendus sur les dossiers du PEF (désagrégé par sexe)',
                en: 'Number of judgments delivered on PEF cases (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'jugements',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '10', '2022': '20', '2023': '25', '2024': '40', '2025': '60' },
              endTarget: '60',
              sources: ['Rapport PEF'],
              notes: 'Numéroté 3.2.1 dans le document (doublon du code de l’indicateur précédent).',
            },
            {
              code: '3.2.3',
              title: {
                fr: 'Nbre de décisions de la chambre non permanente de discipline financière et budgétaire de la section des comptes',
                en: 'Number of decisions of the non-permanent chamber for financial and budgetary discipline of the audit section (section des comptes)',
              },
              measure: 'number',
              unit: 'décisions',
              baseline: '0',
              targets: { '2021': '0', '2022': '0', '2023': '5', '2024': '5', '2025': '5' },
              // the document gives yearly counts only: the end of project target is their sum (docs/domain.md)
              endTarget: '15',
              sources: ['Rapport section des comptes'],
            },
          ],
          activities: [],
        },
        {
          code: '3.3',
          statement: {
            fr: 'Les capacités des populations et de la société civile à suivre les cas de corruption sont renforcées',
            en: 'The capacities of people and civil society to follow up corruption cases are strengthened',
          },
          indicators: [
            {
              code: '3.3.1',
              title: {
                fr: 'Nbre de dénonciations reçues par le consortium d’OSC',
                en: 'Number of reports (denunciations) received by the CSO consortium',
              },
              measure: 'number',
              unit: 'dénonciations',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '500', '2022': '750', '2023': '1000', '2024': '1500', '2025': '2000' },
              endTarget: '2000',
              sources: ['Rapports OSC'],
            },
            {
              code: '3.3.2',
              title: {
                fr: '% de dénonciations traitées et soumises aux organes étatiques compétents',
                en: '% of reports (denunciations) processed and submitted to the competent State bodies',
              },
              measure: 'percent',
              baseline: '0%',
              targets: { '2021': '5%', '2022': '5%', '2023': '5%', '2024': '5%', '2025': '5%' },
              endTarget: '5%',
              sources: ['Rapports OSC'],
            },
            {
              code: '3.3.3',
              title: {
                fr: 'Nbre de rapports d’OSC de suivi des acteurs de sécurité et de justice dans les zones ciblées',
                en: 'Number of CSO reports monitoring security and justice actors in the targeted areas',
              },
              measure: 'number',
              unit: 'rapports',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '4', '2022': '5', '2023': '10', '2024': '15', '2025': '20' },
              endTarget: '20',
              sources: ['Rapport OSC'],
            },
          ],
          activities: [],
        },
      ],
    },
    {
      code: '4',
      statement: {
        fr: 'Les communautés sont plus résilientes faces aux discours en lien avec la radicalisation et l’extrémisme violent',
        en: 'Communities are more resilient to discourse linked to radicalisation and violent extremism',
      },
      indicators: [
        {
          code: '4.1',
          title: {
            fr: '% de la population qui connait la Politique Nationale de Prévention et de Lutte contre l’Extrémisme violent et le Terrorisme (PNPLEVT) (désagrégé par sexe)',
            en: '% of the population who know the National Policy for Preventing and Countering Violent Extremism and Terrorism (PNPLEVT) (disaggregated by sex)',
          },
          measure: 'percent',
          direction: 'increase',
          disaggregations: ['sex'],
          baseline: nat('14,94 % Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+10% dans les zones ciblées',
          },
          endTarget: '+10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '4.2',
          title: {
            fr: '% de la population qui considère efficace l’action de l’Etat pour lutter et prévenir l’extrémisme violent (désagrégé par sexe)',
            en: '% of the population who consider the State’s action to counter and prevent violent extremism effective (disaggregated by sex)',
          },
          measure: 'percent',
          direction: 'increase',
          disaggregations: ['sex'],
          baseline: nat('45,2 % Donnée nationale 11/2020)'),
          targets: {
            '2021': null,
            '2022': '+5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '+10% dans les zones ciblées',
          },
          endTarget: '+10% dans les zones ciblées',
          sources: sipri(),
        },
        {
          code: '4.3',
          title: {
            fr: '% des populations (F/M) qui considèrent que le recours à la violence est la meilleure façon de réagir à une attaque contre la communauté',
            en: '% of people (F/M) who consider that resorting to violence is the best way to respond to an attack against the community',
          },
          measure: 'percent',
          direction: 'decrease',
          disaggregations: ['sex'],
          baseline: nat('21,22% (Donnée nationale 11/2020°'),
          targets: {
            '2021': null,
            '2022': '-5% dans les zones ciblées',
            '2023': null,
            '2024': null,
            '2025': '-10% dans les zones ciblées',
          },
          endTarget: '-10% dans les zones ciblées',
          sources: sipri(),
        },
      ],
      outputs: [
        {
          code: '4.1',
          statement: {
            fr: 'Les capacités du Secrétariat Permanent à piloter et assurer le suivi de la stratégie nationale sont renforcées',
            en: 'The capacities of the Permanent Secretariat to steer and monitor the national strategy are strengthened',
          },
          indicators: [
            {
              code: '4.1.1',
              title: {
                fr: 'Plan d’action 2021-25 de la Politique Nationale de Prévention et de Lutte contre l’Extrémisme violent et le Terrorisme (PNPLEVT) et plan d’actions annuels finalisés',
                en: '2021-25 action plan of the National Policy for Preventing and Countering Violent Extremism and Terrorism (PNPLEVT) and annual action plans finalised',
              },
              measure: 'document',
              baseline: '0',
              targets: {
                '2021': 'Plan d’action 2021',
                '2022': 'Plan d’action 2022',
                '2023': 'Plan d’action 2023',
                '2024': 'Plan d’action 2024',
                '2025': 'Plan d’action 2025',
              },
              endTarget: 'Plan d’action 2025',
              sources: ['Rapports MARC', 'Rapports projet'],
            },
            {
              code: '4.1.2',
              title: {
                fr: 'Nbre de réunions du comité de coordination et de suivi-évaluation de la mise en œuvre de la PNPELVT',
                en: 'Number of meetings of the coordination and monitoring-evaluation committee for the implementation of the PNPLEVT',
              },
              measure: 'number',
              unit: 'réunions',
              baseline: '0',
              targets: { '2021': '3', '2022': '3', '2023': '3', '2024': '3', '2025': '3' },
              // the document gives yearly counts only: the end of project target is their sum (docs/domain.md)
              endTarget: '15',
              sources: ['Rapports MARC', 'Rapports projet'],
            },
          ],
          activities: [],
        },
        {
          code: '4.2',
          statement: {
            fr: 'Les capacités des populations à contrer les discours radicaux sont renforcées',
            en: 'People’s capacities to counter radical discourse are strengthened',
          },
          indicators: [
            {
              code: '4.2.1',
              title: {
                fr: "Nombre d’acteurs religieux sensibilisés dans le domaine de la prévention d'extrémisme violent et la radicalisation (désagrégé par sexe)",
                en: 'Number of religious actors sensitised on preventing violent extremism and radicalisation (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'acteurs religieux',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '50', '2022': '50', '2023': '100', '2024': '150', '2025': '200' },
              endTarget: '200',
              sources: ['Rapports MARC', 'Rapports projet'],
            },
            {
              code: '4.2.2',
              title: {
                fr: "Nombre de personnes sensibilisées à l'extrémisme violent et la promotion de la culture de la paix, y compris via les réseaux sociaux (désagrégé par sexe)",
                en: 'Number of people sensitised on violent extremism and the promotion of a culture of peace, including through social media (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'personnes',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '2500', '2022': '5000', '2023': '10000', '2024': '15000', '2025': '20000' },
              endTarget: '20000',
              sources: ['Rapports OSC', 'Rapports projets'],
            },
            {
              code: '4.2.3',
              title: {
                fr: 'Nbre d’initiatives de PEV, identifiées sur la base des diagnostics réalisés dans les zones ciblées, mises en œuvre par le projet',
                en: 'Number of PVE initiatives, identified on the basis of the assessments carried out in the targeted areas, implemented by the project',
              },
              measure: 'number',
              unit: 'initiatives',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '0', '2022': '0', '2023': '92', '2024': '184', '2025': '276' },
              endTarget: '276',
              sources: ['Rapports MARC', 'Rapports projet'],
            },
          ],
          activities: [],
        },
        {
          code: '4.3',
          statement: {
            fr: 'La participation active des femmes et des jeunes dans tous les efforts visant à prévenir et à combattre la violence extrémiste est renforcée',
            en: 'The active participation of women and young people in all efforts to prevent and counter violent extremism is strengthened',
          },
          indicators: [
            {
              code: '4.3.1',
              title: {
                fr: "Nbre de jeunes sensibilisés à l'extrémisme violent et la promotion de la culture de la paix, y compris via la diffusion de programmes d’enseignement (désagrégé par sexe)",
                en: 'Number of young people sensitised on violent extremism and the promotion of a culture of peace, including through the dissemination of teaching programmes (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'jeunes',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '2500', '2022': '5000', '2023': '10000', '2024': '15000', '2025': '20000' },
              endTarget: '20000',
              sources: ['Rapports MARC', 'Rapports OSC', 'Rapports projet'],
            },
            {
              code: '4.3.2',
              title: {
                fr: "Nombre des femmes formés en tant qu'ambassadeurs de la paix et de lutte contre l'extrémisme violent",
                en: 'Number of women trained as ambassadors for peace and against violent extremism',
              },
              measure: 'number',
              unit: 'femmes',
              cumulative: true,
              baseline: '0',
              targets: { '2021': '250', '2022': '500', '2023': '1000', '2024': '1500', '2025': '2000' },
              endTarget: '2000',
              sources: ['Rapports MARC', 'Rapports OSC', 'Rapports projet'],
            },
            {
              code: '4.3.3',
              title: {
                fr: "Nombre des jeunes formés en tant qu'ambassadeurs de la paix et de lutte contre l’'extrémisme violent (désagrégé par sexe)",
                en: 'Number of young people trained as ambassadors for peace and against violent extremism (disaggregated by sex)',
              },
              measure: 'number',
              unit: 'jeunes',
              cumulative: true,
              disaggregations: ['sex'],
              baseline: '0',
              targets: { '2021': '50', '2022': '50', '2023': '100', '2024': '150', '2025': '200' },
              endTarget: '200',
              sources: ['Rapports MARC', 'Rapports OSC', 'Rapports projet'],
            },
          ],
          activities: [],
        },
      ],
    },
  ],
  alignments: [
    {
      framework: 'UNSDCF',
      code: '1',
      title:
        'Effet 1 : D’ici 2024, les populations vivent dans un Etat de droit, un environnement de paix et de redevabilité grâce à des institutions publiques fortes, des médias et une société civile exerçant leurs rôles et responsabilités pour une gouvernance efficace et inclusive',
    },
    {
      framework: 'UNSDCF',
      code: '2',
      title:
        'Effet 2 : D’ici 2024, les populations sont résilientes face aux conflits, vivent réconciliées et en harmonie dans un environnement de paix, sécurisé et respectueux des Droits de l’Homme et des traditions culturelles positives',
    },
    {
      framework: 'UNSDCF',
      code: '1.1.1.1',
      title:
        '% des acteurs étatiques et non étatiques de la justice ayant les capacités techniques et opérationnelles adéquates pour la fourniture des services de qualité (désagrégé par sexe)',
      note: 'Baseline : 0 - Cible : 50%',
    },
    {
      framework: 'UNSDCF',
      code: '1.1.2.1',
      title:
        'Nombre de structures et institutions de contrôle et de veille renforcées pour effectuer des missions de contrôle sur les services en charge de l’application de l’Etat de droit',
      note: 'Baseline : 0 - Cible : 4',
    },
    {
      framework: 'UNSDCF',
      code: '1.1.2.2',
      title:
        'Nombre d’OSCs, de partenaires sociaux et de médias ayant des capacités renforcées pour mener des actions de veille de l’application de l’Etat de droit et de dialogue social',
      note: 'Baseline : 0 - Cible : 1000',
    },
    {
      framework: 'UNSDCF',
      code: '1.1.3.1',
      title:
        'Nombre de d’institutions de lutte contre la corruption ayant leurs capacités techniques et opérationnelles renforcées',
      note: 'Baseline : 0 - Cible : 8',
    },
    {
      framework: 'UNSDCF',
      code: '1.1.3.2',
      title: 'Nombre d’OSCs de lutte contre la corruption ayant leurs capacités techniques et opérationnelles renforcées',
      note: 'Baseline : 0 - Cible : 10',
    },
    {
      framework: 'UNSDCF',
      code: '1.1.6.1',
      title:
        'Nombre de services de planification, de suivi/évaluation de statistiques avec une capacité technique renforcée pour la collecte, l’analyse et l’utilisation des données fiables et désagrégées',
      note: 'Baseline : 0 - Cible : 60',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.2.1',
      title: 'Nombre de communes ayant des mécanismes communautaires de gestion des conflits fonctionnels et inclusifs',
      note: 'Baseline : 92 - Cible : 500',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.2.2',
      title:
        'Nombre de jeunes et de femmes leaders d’opinion impliqués dans la prévention et la résolution des conflits dans leurs localités',
      note: 'Baseline : 0 - Cible : 2000',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.2.3',
      title:
        'Nombre de mécanismes communautaires de prévention et de gestion de l’extrémisme violent fonctionnels et inclusifs',
      note: 'Baseline : 0 - Cible : 15',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.3.1',
      title:
        'Nombre de cercles ayant des mécanismes de dialogue inter- et intracommunautaire fonctionnels et inclusifs',
      note: 'Baseline : 0 - Cible : 30',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.3.2',
      title: '% de Comités Communaux de Réconciliation (CCR) opérationnels et inclusifs',
      note: 'Baseline : 0 - Cible : 30%',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.3.3',
      title:
        'Nombre d’initiatives communautaires appuyées visant la paix, la cohésion sociale y compris entre la population déplacée, retournées, et la population hôte',
      note: 'Baseline : 0 - Cible : 500',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.4.1',
      title:
        'Nombre de rapports sur la situation des droits de l’homme publiés par la CNDH, les organisations professionnelles, et la société civile, soumis aux autorités et aux partenaires et publiés',
      note: 'Baseline : 0 - Cible : 10',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.4.2',
      title:
        'Nombre de rapports initiaux périodiques et alternatifs sur la situation des Droits de l’Homme (y compris les conventions internationales du travail ratifiées par le Mali) élaborés',
      note: 'Baseline : 0 - Cible : 5',
    },
    {
      framework: 'UNSDCF',
      code: '1.2.7.3',
      title:
        'Nombre de mécanismes de coopération en matière de sécurité communautaire et de sécurité transfrontalière mis en place et fonctionnels',
      note: 'Baseline : 0 - Cible : 12',
    },
    {
      framework: 'UNDP_CPD',
      code: '1.1',
      title:
        'Les populations les plus défavorisés bénéficient de services publics de qualité fournis par des institutions, des structures publiques et des autorités décentralisées locales performantes et responsables',
    },
    {
      framework: 'UNDP_CPD',
      code: '1.2',
      title:
        "Capacités, fonctions et financement des institutions et systèmes nationaux d'état de droit et des droits de l'homme renforcés afin d'élargir l'accès à la justice et lutter contre la discrimination, en mettant l'accent sur les femmes, les victimes de la VBG et autres groupes marginalisés",
    },
    {
      framework: 'UNDP_CPD',
      code: '1.3',
      title:
        "Capacités nationales et locales renforcés pour la réintégration, la réconciliation, la gestion pacifique des conflits et la prévention de l'extrémisme violent",
    },
    {
      framework: 'UNDP_CPD',
      code: '1.1.2',
      title: "Nombre d'institutions et d'OSC renforcées pour lutter contre les risques de corruption",
      note: 'Baseline : 0 - Cible : 3',
    },
    {
      framework: 'UNDP_CPD',
      code: '1.2.1',
      title:
        'Pourcentage d’acteurs de la justice dotés des capacités techniques et opérationnelles adéquates pour une prestation de services de qualité désagrégé par sexe',
      note: 'Baseline : à déterminer - Cible : 50%',
    },
    {
      framework: 'UNDP_CPD',
      code: '1.2.2',
      title: "Nombre d'OSC, médias dotés de capacités renforcées pour surveiller la mise en œuvre de l'état de droit",
      note: 'Baseline : 4 - Cible : 20',
    },
    {
      framework: 'UNDP_CPD',
      code: '1.3.1',
      title:
        'Pourcentage de mécanismes de coopération en matière de sécurité communautaire et de sécurité transfrontalière fonctionnels',
      note: 'Baseline : 2 (2019) - Cible : 12',
    },
    {
      framework: 'UNDP_CPD',
      code: '1.3.2',
      title:
        "Nombre d'initiatives de gestion des conflits communautaires et de lutte contre l'extrémisme violent",
      note: 'Baseline : 3 (2018) - Cible : 15',
    },
    {
      framework: 'UNWOMEN_SN',
      code: '1.1',
      title:
        'Les hommes, les femmes et les jeunes participent de façon plus active et plus équitable à la gestion des affaires publiques (processus électoraux, forums et débats publics, dialogue national, dans les institutions du secteur de la défense, de la sécurité et de la justice) grâce à un système démocratique transparent, égalitaire et crédible et une décentralisation efficace.',
    },
    {
      framework: 'UNWOMEN_SN',
      code: '2.1',
      title:
        "Les capacités nationales (structures étatiques et parties signataires de l'accord de paix, mécanismes de paix, partis politiques, société civile y compris les organisations de femmes et les jeunes, médias) sont renforcées afin de mettre en œuvre et de suivre l'agenda Femmes, Paix, Sécurité, le plan d'action national lié à la résolution 1325, l'Accord de paix et la stratégie nationale de réconciliation.",
    },
    {
      framework: 'UNWOMEN_SN',
      code: '2.2',
      title:
        "Les acteurs locaux et nationaux, notamment les femmes et les jeunes, préviennent et gèrent de façon inclusive les conflits communautaires, notamment ceux liés aux ressources naturelles et à l'extrémisme violent, en utilisant entre autres des outils traditionnels et en promouvant des valeurs culturelles positives, tout en facilitant l'intégration/réintégration des rapatriés, des personnes déplacées et de l'accès humanitaire.",
    },
    {
      framework: 'UNWOMEN_SN',
      code: '2.3',
      title:
        'Le gouvernement, les institutions publiques et les structures de coordination infrarégionales ont renforcé leurs capacités opérationnelles et techniques afin de respecter les droits des femmes et de garantir leur sécurité, leur santé psychologique et physique, ainsi que leur résilience socio-économique et leurs besoins dans les processus judiciaires.',
    },
    {
      framework: 'UNWOMEN_SN',
      code: '2.4',
      title:
        'Les mécanismes nationaux et les acteurs étatiques et non étatiques en charge de la justice et du système judiciaire (y compris la justice traditionnelle et transitionnelle) ont renforcé leurs capacités pour mettre en place un système judiciaire accessible à la population et à des groupes spécifiques (survivantes de VBG/SVLC, etc.), et mettre en place des approches inclusives, participatives et intégrant le genre.',
    },
    {
      framework: 'UNWOMEN_SN',
      code: '5.1',
      title:
        'Les institutions et les communautés ont amélioré leurs capacités de prévention de la violence basée sur le genre, de promotion des droits des femmes et des filles, y compris dans les situations humanitaires.',
    },
  ],
};
