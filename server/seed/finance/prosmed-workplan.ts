// Source: ../shared/seeds/003_a95ab229855d4389.txt, « V. PLAN DE TRAVAIL » (lines 3640-4726), transcribed cell
// by cell. The text extraction interleaves the columns and drops empty cells: where a row prints fewer than five
// yearly amounts, the year of each amount was read from the spacing of the row (one space per empty cell) and
// confirmed by the printed sub-totals of its output, year by year (every placement below adds up to the printed
// sub-total of its column, except where the document itself does not — see `knownDiscrepancies` below).
//
// Kept as the document prints it, never corrected:
//   - each row's printed total (`total`), even where it is 1 USD away from the sum of its years (output 3.3);
//   - each printed sub-total, total of activities, budget total, GMS, levy and grand total;
//   - empty rows (an entity and a partner with no amount) and the typos of the partner column ("MSCP").
// Read from the document's layout (stated here because the text does not say it in words):
//   - an activity cell that lists several places or bullets over as many budget rows: row n = bullet n;
//   - a merged entity cell (one entity text over several rows) applies to each of those rows;
//   - the agency a line is attributed to is the first programme recipient its entity cell names (PNUD, ONU
//     Femmes, MINUSMA): the document gives joint lines without a split ("gestion en parallèle", l. 4814-4818);
//   - planned periods: the budgeted years (from the programme's start, 2021-07-01, to 31 December of the last
//     budgeted year); the document has no dates of its own;
//   - gender tags: the document tags no line; the demo tags the lines of outputs 1.3 and 2.4, whose statements are
//     about women's presence and the gender sensitivity of the security and justice systems, as 100 %
//     gender-responsive so that the views have figures. Change them on the budget page.
import type { WorkPlanDocumentInput } from '../../../core/contracts/finance/workplan-document.js';

type Cell = number | null;
type Years = [Cell, Cell, Cell, Cell, Cell];

interface RowDoc {
  entities: string | null;
  partners: string | null;
  amounts: Years;
  /** the row's printed Total (null when the cell is empty or "-") */
  total: number | null;
  line: number;
  label?: string;
}
interface ActivityDoc {
  title: { fr: string; en: string };
  description?: string;
  rows: RowDoc[];
}
interface OutputDoc {
  code: string;
  subtotal: { amounts: Years; total: number; line: number };
  activities: ActivityDoc[];
}
interface OutcomeDoc {
  code: string;
  outputs: OutputDoc[];
  technicalSupport?: { amounts: Years; total: number; line: number };
  subtotal: { amounts: Years; total: number; line: number };
}

export const workPlanYears = [2021, 2022, 2023, 2024, 2025] as const;

const row = (
  entities: string | null,
  partners: string | null,
  amounts: Years,
  total: number | null,
  line: number,
  label?: string,
): RowDoc => ({ entities, partners, amounts, total, line, ...(label ? { label } : {}) });
const sub = (amounts: Years, total: number, line: number) => ({ amounts, total, line });

const outcome1: OutcomeDoc = {
  code: '1',
  outputs: [
    {
      code: '1.1',
      activities: [
        {
          title: {
            fr: 'Appui pilotage et suivi de la stratégie nationale',
            en: 'Support to the steering and monitoring of the national strategy',
          },
          description:
            "- Appui à la validation et l’élaboration de la stratégie et son plan d’action (2021-2025) et ses plans d'actions annuels sensibles au genre\n- Appui à la mise en place des mécanismes et des outils de concertation et de coordination dans la mise en œuvre et le suivi de la stratégie et son plan d'action (2021-2025)",
          rows: [
            row('PNUD, Onu Femmes, MINUSMA DAC', 'MRN', [7900, 23600, 25000, 25000, 50000], 131500, 3690),
            row('PNUD, MINUSMA DAC', 'MRN', [null, null, 25000, 25000, null], 50000, 3695),
          ],
        },
      ],
      subtotal: sub([7900, 23600, 50000, 50000, 50000], 181500, 3697),
    },
    {
      code: '1.2',
      activities: [
        {
          title: {
            fr: "Appui aux équipes régionales d'appui à la réconciliation (ERAR) et aux comités communaux de réconciliation (CCR)",
            en: 'Support to the regional reconciliation support teams (ERAR) and the communal reconciliation committees (CCR)',
          },
          description:
            "- Appui à l'analyse cartographique des conflits dans les régions ciblées\n- Appui au processus de planification annuelle des ERAR\n- Appui à la mise en œuvre et le suivi des plan d'actions annuels des ERAR/CCR\n- Appui à l’information et la sensibilisation des populations sur le fonctionnement et le rôle des ERAR/CCR\n- Appui au renforcement des capacités et de la sensibilité aux conflits des ERAR/CCR (y compris conflits climatiques, VE, transfrontaliers)\n- Appui à la mise en place et au fonctionnement des Comités communaux de réconciliation",
          rows: [
            row(
              'PNUD, ONUFEMMES, MINUSMA DAC',
              'MRN',
              [275250, 490250, 200000, 200000, 200000],
              1365500,
              3728,
            ),
          ],
        },
        {
          title: {
            fr: 'Appui à la redynamisation de Commissions foncières (COFO) communales et villageoises',
            en: 'Support to the revitalisation of communal and village land commissions (COFO)',
          },
          description:
            '- Réalisation de l’état des lieux des conflits locaux et des mécanismes traditionnels et « modernes » de règlement des conflits fonciers\n- Sensibilisation des populations, avec un focus sur l’intégration des femmes et des jeunes, dans les mécanismes formels et informels de gestion de conflit, en particulier, ceux relatifs au foncier rural\n- Appui à la redynamisation des commissions foncières communales inclusives et à l’intégration des commissions foncières communales dans les PDESC\n- Appui logistique et technique au fonctionnement des COFO\n- Activités de plaidoyer afin d’améliorer les législations et réglementations relatives à la gestion du foncier agricole',
          rows: [
            row(
              'PNUD, ONUFEMMES, MINUSMA DAC/SAJP',
              'MRN, MAEP',
              [260334, 426255, 200000, 200000, 50000],
              1136589,
              3755,
            ),
          ],
        },
        {
          title: {
            fr: "Appui à la réalisation d'infrastructures de paix identifiées dans le cadre des mécanismes de gestion et prévention des conflits (CCR et COFO)",
            en: 'Support to building the peace infrastructures identified by the conflict management and prevention mechanisms (CCR and COFO)',
          },
          rows: [row('PNUD', 'MRN, MAEP', [249345, 75000, 150000, 150000, 25000], 649345, 3761)],
        },
        {
          title: {
            fr: 'Appui au renforcement de la complémentarité et la collaboration entre les acteurs formels et informels intervenant en matière de justice',
            en: 'Support to complementarity and collaboration between formal and informal justice actors',
          },
          description:
            "- Renforcement de capacités des acteurs de justice sur les enjeux liés à la gestion du foncier agricole et le fonctionnement et compétences des COFO en tenant compte e la dimension genre\n- Appui à l'adoption et la mise en œuvre de la loi portant organisation du rôle et du statu des cadis et des autorités traditionnelles dans la distribution de la justice\n- Renforcement des capacités des acteurs de la justice et des acteurs informels sur la nouvelles législation",
          rows: [
            row('PNUD, MINUSMA SAJP', 'MJDH, MRN, MAEP', [80000, 80000, null, null, null], 160000, 3786),
          ],
        },
      ],
      subtotal: sub([864929, 1071505, 550000, 550000, 275000], 3311434, 3788),
    },
    {
      code: '1.3',
      activities: [
        {
          title: {
            fr: 'Appui au renforcement et à la mise en valeur des capacités des femmes et des jeunes en matière de gestion et prévention des conflits',
            en: 'Support to strengthening and showcasing the capacities of women and young people in conflict management and prevention',
          },
          description:
            "- Appui au renforcement et à la mise en valeur des capacités des femmes et des jeunes en matière de gestion et prévention des conflits\n- Appui à la mise en place d'un compendium de compétences féminines dans les régions ciblées\n- Renforcement des capacités des femmes et des jeunes dans la résolution, médiation et prévention des conflits (gestion des conflits, plaidoyer…)",
          rows: [row('PNUD, ONUFEMMES', 'MRN', [null, 70000, null, null, null], 70000, 3807)],
        },
        {
          title: {
            fr: "Appui au plaidoyer pour assurer l'inclusion des jeunes et des femmes au sein des mécanismes de prévention et gestion des conflits",
            en: 'Support to advocacy for the inclusion of young people and women in conflict prevention and management mechanisms',
          },
          description:
            "- Formation des acteurs formels et informels sur les droits des femmes pour favoriser l’engagement des hommes\n- Élaboration et mise en œuvre d’un plan de plaidoyer lobbying sur l’accès sécurisé des femmes et des jeunes au foncier agricole et aux mécanismes de gestion des conflits\n- Appui à la mobilisation des communautés et des acteurs institutionnels dans la sensibilisation et le respect des droits des femmes et des jeunes des territoires ruraux\n- Renforcer les capacités des groupes de femmes de la société civile à s'engager dans des stratégies de promotion de la cohésion sociale",
          rows: [row('PNUD, ONUFEMMES', 'MRN', [37000, 70000, 75000, 75000, 25000], 282000, 3832)],
        },
      ],
      subtotal: sub([37000, 140000, 75000, 75000, 25000], 352000, 3834),
    },
  ],
  technicalSupport: sub([null, 16911, 16911, 16911, 8456], 59189, 3836),
  subtotal: sub([909829, 1252016, 691911, 691911, 358456], 3904123, 3838),
};

const commissariats = 'PNUD, MINUSMA UNPOL';
const outcome2: OutcomeDoc = {
  code: '2',
  outputs: [
    {
      code: '2.1',
      activities: [
        {
          title: { fr: 'Appui à la réforme du secteur de sécurité', en: 'Support to security sector reform' },
          description:
            "- Appui au pilotage de la réforme su secteur de la sécurité\n- Appui à l'élaboration et à la mise en œuvre de la stratégie sectorielle et de son plan d'action du MSPC dans le cadre de la stratégie nationale de RSS\n- Appui à la mise en place et au renforcement des capacités des points focaux régionaux RSS pour le suivi-évaluation des activités régionales\n- Appui à la CPS du MSPC pour la mise en œuvre de la LOPSI",
          rows: [
            row(
              'PNUD, MINUSMA UNPOL, ONU Femmes',
              'CNRSS/Commissariat RSS',
              [7000, 70000, 25000, 25000, 25000],
              152000,
              3868,
            ),
            row('PNUD, MINUSMA UNPOL', 'CPS MSPC', [null, 65000, 25000, 25000, 25000], 140000, 3874),
          ],
        },
        {
          title: {
            fr: 'Appui au renforcement de la présence des forces de sécurité dans le centre du Mali',
            en: 'Support to a stronger presence of the security forces in central Mali',
          },
          description:
            '- Construction/équipement commissariat Djenne\n- Construction/équipement commissariat Koro\n- Construction/équipement commissariat Bankass\n- Construction/ équipement commissariat Bla\n- Construction/ équipement commissariat Tominian\n- Construction/ équipement commissariat Macina\n- Construction/ équipement commissariat Yelimane\n- Construction/ équipement commissariat Yorosso\n- Construction/ équipement commissariat Nara\n- Réhabilitation, sécurisation et équipement des brigades et commissariats dans les zones ciblées',
          rows: [
            row(
              commissariats,
              'MSPC',
              [67037, null, null, null, null],
              67037,
              3897,
              'Construction/équipement commissariat Djenne',
            ),
            row(
              commissariats,
              'MSPC',
              [317709, null, null, null, null],
              317709,
              3899,
              'Construction/équipement commissariat Koro',
            ),
            row(
              commissariats,
              'MSPC',
              [315550, null, null, null, null],
              315550,
              3901,
              'Construction/équipement commissariat Bankass',
            ),
            row(
              commissariats,
              'MSPC',
              [null, null, 335000, null, null],
              335000,
              3903,
              'Construction/ équipement commissariat Bla',
            ),
            row(
              commissariats,
              'MSPC',
              [null, null, 335000, null, null],
              335000,
              3905,
              'Construction/ équipement commissariat Tominian',
            ),
            row(
              commissariats,
              'MSPC',
              [168182, 168182, null, null, null],
              336364,
              3907,
              'Construction/ équipement commissariat Macina',
            ),
            row(
              commissariats,
              'MSCP',
              [null, null, null, 335000, null],
              335000,
              3909,
              'Construction/ équipement commissariat Yelimane',
            ),
            row(
              commissariats,
              'MSCP',
              [168182, 168182, null, null, null],
              336364,
              3911,
              'Construction/ équipement commissariat Yorosso',
            ),
            row(
              commissariats,
              'MSPC',
              [25000, null, null, null, null],
              25000,
              3913,
              'Construction/ équipement commissariat Nara',
            ),
            row(
              commissariats,
              'MSPC',
              [1059335, 270000, 250000, 250000, null],
              1829335,
              3915,
              'Réhabilitation, sécurisation et équipement des brigades et commissariats dans les zones ciblées',
            ),
          ],
        },
        {
          title: {
            fr: 'Appui au renforcement des capacités des forces de sécurité',
            en: 'Support to the capacities of the security forces',
          },
          description:
            '- Evaluation des besoins en termes de renforcement des capacités des commissariats et brigade de gendarmerie des zones ciblées\n- Appui au renforcement des capacités opérationnelles et fonctionnelles des forces de police et gendarmerie',
          rows: [
            row('PNUD, MINUSMA UNPOL, ONU Femmes', 'MSPC', [50223, null, null, null, null], 50223, 3932),
            row(
              'PNUD, MINUSMA UNPOL, ONU Femmes',
              'Ecole Nationale de Police et gendarmerie',
              [80000, 140000, 100000, 100000, 100000],
              520000,
              3945,
            ),
          ],
        },
      ],
      subtotal: sub([2258218, 881364, 1070000, 735000, 150000], 5094582, 3947),
    },
    {
      code: '2.2',
      activities: [
        {
          title: { fr: 'Appui à la réforme de la justice', en: 'Support to justice reform' },
          description:
            "- Appui à la CPS pour le pilotage et la mise en œuvre de la LOPSJ ainsi que pour le recueil et le traitement des statistiques\n- Appui au MJDH en matière de communication\n- Appui à la réforme et au renforcement de l’indépendance de la justice\n- Appui à la coordination de l'ODD 16",
          rows: [
            row('PNUD, MINUSMA SAJP', 'CPS (MJDH)', [29087, null, 50000, 50000, 50000], 179087, 3965),
            row('PNUD, MINUSMA SAJP', 'MJDH', [null, 45000, 50000, 50000, 50000], 195000, 3971),
            row('PNUD, MINUSMA SAJP', 'MJDH', [40000, 30000, 25000, 25000, 25000], 145000, 3977),
            row('PNUD, ONUFemmes', 'MATD, MJDH', [null, 35000, 40000, 40000, 40000], 155000, 3982),
          ],
        },
        {
          title: {
            fr: 'Appui au renforcement de la présence des acteurs du système judiciaire dans le centre du Mali : transformation et équipements des juridictions de la région de Mopti',
            en: 'Support to a stronger presence of the judicial system in central Mali: conversion and equipment of the courts of the Mopti region',
          },
          description: '- Transformation du JPCE de Koro en TI\n- Transformation du JPCE de Douentza en TI',
          rows: [
            row(
              'PNUD, MINUSMA SAJP',
              'MJDH',
              [67037, null, null, null, null],
              67037,
              3996,
              'Transformation du JPCE de Koro en TI',
            ),
            row(
              'PNUD, MINUSMA SAJP',
              'MJDH',
              [22000, 138000, null, null, null],
              160000,
              4002,
              'Transformation du JPCE de Douentza en TI',
            ),
          ],
        },
        {
          title: {
            fr: 'Transformation et équipements des juridictions de la région de Ségou',
            en: 'Conversion and equipment of the courts of the Ségou region',
          },
          description:
            '- Finalisation des travaux du TI de San\n- Finalisation des travaux du TI de Niono\n- Transformation du JPCE de Macina en TI',
          rows: [
            row(
              'PNUD',
              'MJDH',
              [null, null, 115000, null, null],
              115000,
              4010,
              'Finalisation des travaux du TI de San',
            ),
            row(
              'PNUD',
              'MJDH',
              [null, null, 115000, null, null],
              115000,
              4012,
              'Finalisation des travaux du TI de Niono',
            ),
            row(
              'PNUD',
              'MJDH',
              [35000, 35000, null, null, null],
              70000,
              4014,
              'Transformation du JPCE de Macina en TI',
            ),
          ],
        },
        {
          title: {
            fr: 'Transformation et équipements des juridictions des régions de Koulikoro, Sikasso et Kayes',
            en: 'Conversion and equipment of the courts of the Koulikoro, Sikasso and Kayes regions',
          },
          description:
            '- Transformation du JPCE de Yorosso en TI (Sikasso)\n- Transformation du JPCE de Nara en TI (Koulikoro)',
          rows: [
            row(
              'PNUD',
              'MJDH',
              [null, null, 250000, null, null],
              250000,
              4023,
              'Transformation du JPCE de Yorosso en TI (Sikasso)',
            ),
            row(
              'PNUD',
              'MJDH',
              [43000, 172000, null, null, null],
              215000,
              4025,
              'Transformation du JPCE de Nara en TI (Koulikoro)',
            ),
          ],
        },
        {
          title: {
            fr: 'Réhabilitation, sécurisation et équipement des juridictions dans les zones ciblées',
            en: 'Rehabilitation, securing and equipment of the courts in the targeted areas',
          },
          rows: [row('PNUD, MINUSMA SAJP', 'MJDH', [50000, null, 200000, 200000, null], 450000, 4034)],
        },
        {
          title: {
            fr: 'Appui au renforcement de la présence des acteurs du système pénitentiaire dans le centre du Mali : réhabilitation et équipement des EPES (Douentza, Koro)',
            en: 'Support to a stronger presence of the prison system in central Mali: rehabilitation and equipment of prisons (Douentza, Koro)',
          },
          description:
            '- Finalisation des travaux de l’EPES de Douentza\n- Construction d’un nouvel EPES à Koro',
          rows: [
            row(
              'PNUD, MINUSMA SAJP',
              null,
              [null, null, null, null, null],
              null,
              4047,
              'Finalisation des travaux de l’EPES de Douentza',
            ),
            row(
              'PNUD, MINUSMA SAJP',
              'MJDH',
              [null, null, null, null, null],
              null,
              4053,
              'Construction d’un nouvel EPES à Koro',
            ),
          ],
        },
        {
          title: {
            fr: 'Réhabilitation et équipement des EPES (Djéma, Nara)',
            en: 'Rehabilitation and equipment of prisons (Diéma, Nara)',
          },
          description: '- Djéma\n- Nara',
          rows: [
            row('PNUD', 'MJDH', [null, null, null, null, null], null, 4059, 'Djéma'),
            row('PNUD', null, [24000, 36000, null, null, null], 60000, 4061, 'Nara'),
          ],
        },
        {
          title: {
            fr: 'Réhabilitation, sécurisation et équipement des EPES dans les zones ciblées',
            en: 'Rehabilitation, securing and equipment of prisons in the targeted areas',
          },
          rows: [row('PNUD, MINUSMA SAJP', 'MJDH', [150000, null, 150000, 150000, null], 450000, 4069)],
        },
        {
          title: {
            fr: 'Appui au renforcement des capacités des acteurs du système judiciaire et pénitentiaire',
            en: 'Support to the capacities of judicial and prison actors',
          },
          description:
            "- Appui au renforcement des capacités des facultés de droit des universités publiques\n- Appui au renforcement des capacités des acteurs de la justice (judiciaire et pénitentiaire) à travers le développement et à la mise en œuvre de formations continues/spécialisées par l’INFJ\n- Appui à l'informatisation pilote des juridictions ciblées\n- Appui à l'informatisation des établissement pénitentiaires ciblés\n- Appui à la mise en œuvre de la politique de réinsertion et de son plan d'action",
          rows: [
            row('PNUD', 'MJDH', [45000, 90000, 75000, 75000, 0], 285000, 4086),
            row(
              'PNUD, MINUSMA SAJP, ONU Femmes',
              'INFJ',
              [46500, 125000, 100000, 100000, 25000],
              396500,
              4094,
            ),
            row('PNUD, MINUSMA SAJP', 'DNAJ, CPS', [0, 50000, 75000, 75000, 0], 200000, 4100),
            row('PNUD, MINUSMA SAJP', 'DNAPES', [7358, 25000, 25000, 25000, null], 82358, 4106),
            row('PNUD, MINUSMA SAJP', 'DNAPES', [null, 110000, 75000, 75000, 50000], 310000, 4112),
          ],
        },
      ],
      subtotal: sub([558982, 891000, 1345000, 865000, 240000], 3899982, 4114),
    },
    {
      code: '2.3',
      activities: [
        {
          title: { fr: 'Accès à la justice', en: 'Access to justice' },
          description:
            "- Appui à la mise en place d'un système durable d'aide juridique et judiciaire\n- Appui au renforcement des capacités des avocats du barreau et à la fourniture d’aide juridictionnelle aux personnes vulnérables en détention dans les zones ciblées\n- Appui à la sensibilisation des populations, y compris les femmes, sur l'accès aux services de sécurité et de justice dans les zones ciblées",
          rows: [
            row('PNUD, MINUSMA SAJP', 'MJDH', [null, null, 50000, 50000, null], 100000, 4136),
            row(
              'PNUD, MINUSMA SAJP, ONU Femmes',
              'MJDH',
              [null, 100000, 100000, 100000, 50000],
              350000,
              4144,
            ),
            row('PNUD, MINUSMA SAJP, ONU Femmes', 'MJDH', [null, null, null, null, null], null, 4152),
          ],
        },
        {
          title: {
            fr: "Appui à la mise en place d'une approche de police de proximité",
            en: 'Support to community policing',
          },
          description:
            "- Appui au développement et à la diffusion d'un concept, d'une stratégie nationale et son plan d'action en matière de police de proximité\n- Appui à la mise en place des CCS communaux dans les zones ciblées par le programme\n- Appui à la mise en œuvre des plans d'action des CCS dans les zones ciblées par le programme",
          rows: [
            row('PNUD, MINUSMA UNPOL', 'CRSS/OSC', [null, 10000, null, null, null], 10000, 4168),
            row('PNUD, MINUSMA UNPOL, ONU Femmes', 'OSC', [80662, 140000, null, null, null], 220662, 4176),
            row(
              'PNUD, MINUSMA UNPOL, ONU Femmes',
              'CRSS, MSPC, MJDH',
              [29659, 175085, 175000, 175000, 75000],
              629744,
              4187,
            ),
          ],
        },
      ],
      subtotal: sub([110321, 425085, 325000, 325000, 125000], 1310406, 4189),
    },
    {
      code: '2.4',
      activities: [
        {
          title: {
            fr: 'Evaluation de la sensibilité au genre des forces de sécurité et acteurs de la justice dans les zones ciblées',
            en: 'Assessment of the gender sensitivity of the security forces and justice actors in the targeted areas',
          },
          rows: [
            row('ONU Femmes, PNUD, MINUSMA UNPOL', 'MJDH', [20000, 0, 25000, 25000, 25000], 95000, 4205),
          ],
        },
        {
          title: {
            fr: 'Renforcement des capacités des acteurs de la sécurité et de la justice sur le genre et pour le traitement des dossiers en lien avec les femmes (points focaux/unités spécialisées...)',
            en: 'Building the capacities of security and justice actors on gender and on handling cases involving women (focal points, specialised units…)',
          },
          rows: [
            row(
              'ONU Femmes, PNUD, MINUSMA UNPOL',
              'MJDH/INFJ MSPC/Ecoles de Formation de la police et de la Gendarmerie',
              [159722, 350000, 150000, 150000, 50000],
              859722,
              4227,
            ),
          ],
        },
        {
          title: {
            fr: 'Appui pour assurer l’augmentation de la représentativité des femmes au sein des secteurs de la sécurité et de la justice',
            en: 'Support to a greater representation of women in the security and justice sectors',
          },
          rows: [row('ONU Femmes, PNUD, MINUSMA UNPOL', null, [0, 25000, 25000, 25000, 25000], 100000, 4240)],
        },
        {
          title: {
            fr: 'Plaidoyer entre les femmes et les représentants du secteur de la sécurité et de la justice pour débattre et partager les meilleures pratiques sur la promotion et la protection des femmes',
            en: 'Advocacy between women and representatives of the security and justice sector to discuss and share good practice on promoting and protecting women',
          },
          rows: [row('ONU Femmes, PNUD, MINUSMA UNPOL', 'MJDH', [0, 0, 50000, 50000, 50000], 150000, 4254)],
        },
        {
          title: {
            fr: 'Appui à la prise en charge et au traitement des dossiers de VBG',
            en: 'Support to the care and handling of gender-based violence cases',
          },
          description:
            "- Appui à la mise en place d'un one stop center à Ménaka\n- Appui à l'accès à la justice des femmes victimes de violence",
          rows: [
            row(
              'FNUAP, ONU Femmes, PNUD, MINUSMA',
              'MJDH',
              [null, 0, 125000, 75000, 0],
              200000,
              4269,
              "Appui à la mise en place d'un one stop center à Ménaka",
            ),
            row(
              'PNUD, ONU Femmes',
              'MJDH',
              [10000, 0, 125000, 125000, 50000],
              310000,
              4274,
              "Appui à l'accès à la justice des femmes victimes de violence",
            ),
          ],
        },
      ],
      subtotal: sub([189722, 375000, 500000, 450000, 200000], 1714722, 4276),
    },
    {
      code: '2.5',
      activities: [
        {
          title: {
            fr: "Appui à la mise en place d'une stratégie de lutte contre l'impunité",
            en: 'Support to a strategy against impunity',
          },
          rows: [
            row(
              'PNUD, MINUSMA SAJP/DDHP',
              'PM, MJDH, MDAC, CVJR, CNDH',
              [null, 15000, null, null, null],
              15000,
              4293,
            ),
          ],
        },
        {
          title: {
            fr: 'Appui à la révision du cadre législatif et réglementaire en lien avec la lutte contre l’impunité notamment en lien avec la protection des victimes et des témoins',
            en: 'Support to revising the legal and regulatory framework against impunity, in particular the protection of victims and witnesses',
          },
          rows: [row('PNUD, MINUSMA SAJP/DDHP', 'MJDH', [null, null, 25000, null, null], 25000, 4304)],
        },
        {
          title: { fr: 'Appui à la justice militaire', en: 'Support to military justice' },
          description:
            '- Appui à la réforme de la justice militaire\n- Renforcement des capacités des personnels du tribunal militaire',
          rows: [
            row('PNUD, MINUSMA SAJP/DDHP, ONU Femmes', 'MDAC', [62000, null, null, null, null], 62000, 4317),
            row(
              'PNUD, MINUSMA SAJP/DDHP, ONU Femmes',
              'MDAC',
              [null, 180000, 50000, 50000, 50000],
              330000,
              4319,
            ),
          ],
        },
        {
          title: { fr: 'Appui aux juridictions ordinaires', en: 'Support to the ordinary courts' },
          description:
            "- Appui opérationnel aux unités d'enquêtes et juridictions du centre dans leur efforts de lutte contre l'impunité",
          rows: [row('PNUD, MINUSMA SAJP/DDHP', 'MJDH', [null, 40000, 50000, 50000, 50000], 190000, 4330)],
        },
        {
          title: {
            fr: 'Appui au Pôle Judiciaire Spécialisé',
            en: 'Support to the Specialised Judicial Division',
          },
          rows: [row(null, null, [1700000, 654831, null, null, null], 2354831, 4332)],
        },
        {
          title: {
            fr: 'Appui à la finalisation du mandat de la CVJR et à la prise en compte de ses recommandations',
            en: 'Support to completing the mandate of the CVJR and taking up its recommendations',
          },
          rows: [
            row('PNUD, ONU Femmes, MINUSMA', 'CVJR', [221000, 157019, 31631, 31631, 31631], 472912, 4341),
          ],
        },
        {
          title: {
            fr: 'Appui au renforcement des capacités de la CNDH',
            en: 'Support to the capacities of the CNDH',
          },
          description:
            "- Appui technique aux sous-commissions et groupes de travail de la CNDH\n- Appui à la mise en place d'un système de recueil et traitement des violations\n- Appui en matière de sensibilisation des populations et des victimes sur le rôle et les missions de la CNDH\n- Appui logistique et technique aux antennes de la CNDH (Mopti, Kayes, Gao et Sikasso)",
          rows: [
            row('PNUD, MINUSMA DDHP', 'CNDH', [null, null, 50000, 50000, 50000], 150000, 4359),
            row('MINUSMA DDHP, ONUFemmes', 'CNDH', [null, null, null, null, null], null, 4365),
            row('PNUD, MINUSMA DDHP', 'CNDH', [null, null, 25000, 25000, 25000], 75000, 4371),
            row('PNUD, MINUSMA DDHP', 'CNDH', [70267, 50000, null, null, null], 120267, 4377),
          ],
        },
        {
          title: {
            fr: 'Appui à la mise en place et au suivi des OSC relais dans les zones couvertes par les antennes régionales',
            en: 'Support to setting up and following relay CSOs in the areas covered by the regional branches',
          },
          rows: [row('PNUD, MINUSMA DDHP', 'CNDH', [null, 80000, 50000, 50000, 50000], 230000, 4387)],
        },
        {
          title: {
            fr: 'Appui aux missions de monitoring et de sensibilisation des antennes régionales',
            en: 'Support to the monitoring and awareness missions of the regional branches',
          },
          rows: [row('PNUD, MINUSMA DDHP', 'CNDH', [null, 50000, 50000, 50000, 50000], 200000, 4396)],
        },
      ],
      subtotal: sub([2053267, 1226850, 331631, 306631, 306631], 4225010, 4398),
    },
  ],
  technicalSupport: sub([101513, 206444, 134322, 71822, 35911], 550012, 4400),
  subtotal: sub([5272023, 4005743, 3705953, 2753453, 1057542], 16794714, 4402),
};

const outcome3: OutcomeDoc = {
  code: '3',
  outputs: [
    {
      code: '3.1',
      activities: [
        {
          title: {
            fr: 'Appui au renforcement de la redevabilité des forces de sécurité',
            en: 'Support to the accountability of the security forces',
          },
          description:
            "- Appui technique et logistique à l'inspection générale\n- Appui à la réalisation de missions d'inspection dans les missions ciblées\n- Renforcement des capacités des Fds sur l'éthique la déontologie et la redevabilité\n- Appui à la mise en place de mesures internes au fonctionnement des commissariats et brigades pour réduire la corruption",
          rows: [
            row('PNUD, MINUSMA UNPOL', 'MSPC', [null, 50000, 0, 0, 0], 50000, 4427),
            row('PNUD, MINUSMA UNPOL', 'MSPC', [20000, 50000, 50000, 50000, 50000], 220000, 4433),
            row('PNUD, MINUSMA UNPOL', 'MSCP', [null, 25000, 50000, null, null], 75000, 4439),
          ],
        },
        {
          title: {
            fr: 'Appui au renforcement de la redevabilité des acteurs de la justice',
            en: 'Support to the accountability of justice actors',
          },
          description:
            "- Appui technique et logistique à l'inspection générale\n- Renforcement des capacités des personnels judiciaires et pénitentiaires sur l'éthique la déontologie et la redevabilité\n- Appui à la réalisation de missions d'inspection dans les missions ciblées\n- Appui à la mise en place de mesures internes au fonctionnement des juridictions pour réduire la corruption",
          rows: [
            row('PNUD, MINUSMA SAJP', 'MJDH', [62777, 50000, null, null, null], 112777, 4458),
            row('PNUD, MINUSMA SAJP', 'MJDH', [null, 25000, 50000, 50000, 50000], 175000, 4464),
            row('PNUD, MINUSMA SAJP', 'MJDH', [null, null, 50000, null, null], 50000, 4470),
          ],
        },
      ],
      subtotal: sub([82777, 200000, 200000, 100000, 100000], 682777, 4472),
    },
    {
      code: '3.2',
      activities: [
        {
          title: {
            fr: "Appui au développement et à la mise en œuvre d'une stratégie nationale de lutte contre la corruption",
            en: 'Support to developing and implementing a national anti-corruption strategy',
          },
          rows: [row('PNUD', 'MR', [89377, null, null, null, null], 89377, 4482)],
        },
        {
          title: {
            fr: 'Appui aux pôles économiques et financiers',
            en: 'Support to the economic and financial divisions',
          },
          description:
            '- Construction du siège du pôle économique et financier\n- Appui logistique au pôle économique et financier\n- Appui technique au pôle économique et financier',
          rows: [
            row(
              'PNUD',
              'PEF',
              [null, null, 0, 0, null],
              null,
              4490,
              'Construction du siège du pôle économique et financier',
            ),
            row(
              'PNUD',
              'PEF',
              [null, null, 25000, 25000, null],
              50000,
              4492,
              'Appui logistique au pôle économique et financier',
            ),
            row(
              'PNUD',
              'PEF',
              [null, 50000, 75000, 75000, null],
              200000,
              4494,
              'Appui technique au pôle économique et financier',
            ),
          ],
        },
        {
          title: {
            fr: 'Appui à la section des comptes de la cour suprême',
            en: 'Support to the audit section of the Supreme Court',
          },
          description:
            '- Appui technique à la chambre des comptes de la cour suprême pour la mise en place de la chambre de Discipline Budgétaire et Financière',
          rows: [row('PNUD', 'Cour suprême', [null, null, null, null, null], null, 4506)],
        },
      ],
      subtotal: sub([89377, 50000, 100000, 100000, null], 339377, 4508),
    },
    {
      code: '3.3',
      // The entity and partner cells of this output are empty in the text; each amount row is followed by a repeat
      // of its first two amounts (an extraction artefact, not a column of the table), which is not kept.
      activities: [
        {
          title: {
            fr: "Appui à la mise en place d'un réseau d'OSC pour la réception, le traitement et le transfert des dénonciations de corruption",
            en: 'Support to a network of CSOs to receive, process and pass on reports of corruption',
          },
          description:
            "- Appui à la mise en place d'une plateforme en ligne pour recevoir et visualiser les dénonciations de corruption\n- Appui à la mise en place d'une plateforme de traitement non judiciaire des dénonciations reçues pour transfert aux autorités compétentes\n- Appui au traitement des dossiers de corruption par les journalistes d'investigation",
          rows: [
            row(null, null, [123499, 123499, 50000, 50000, 50000], 396997, 4537),
            row(null, null, [51143, 96143, 125000, 125000, 50000], 447285, 4539),
          ],
        },
        {
          title: {
            fr: "Appui aux populations et aux OSC afin d'assurer la redevabilité des forces de sécurité dans les zones ciblées",
            en: 'Support to people and CSOs to hold the security forces to account in the targeted areas',
          },
          description:
            "- Appui à la mise en place d'un système de monitoring du travail des acteurs de sécurité et de la justice dans les cercles ciblés",
          rows: [row(null, null, [null, 95000, 125000, 125000, 50000], 395000, 4548)],
        },
        {
          title: {
            fr: 'Appui à la sensibilisation des populations sur les thématiques en lien avec la lutte contre la corruption dans les zones ciblées',
            en: 'Support to raising awareness of anti-corruption topics in the targeted areas',
          },
          description: '- Campagnes de sensibilisation',
          rows: [row(null, null, [null, 45000, 50000, 50000, 0], 145000, 4555)],
        },
      ],
      subtotal: sub([174641, 359641, 350000, 350000, 150000], 1384282, 4557),
    },
  ],
  technicalSupport: sub([null, 16911, 16911, 16911, 8456], 59189, 4559),
  subtotal: sub([346795, 626552, 666911, 566911, 258456], 2465625, 4561),
};

const outcome4: OutcomeDoc = {
  code: '4',
  outputs: [
    {
      code: '4.1',
      activities: [
        {
          title: {
            fr: 'Appui au pilotage et suivi de la politique nationale',
            en: 'Support to the steering and monitoring of the national policy',
          },
          description:
            "- Appui à la validation et l’élaboration de la politique et son plan d’action (2021-2025) et ses plans d'actions annuels",
          rows: [
            row(
              'PNUD, MINUSMA SSR-DDR, ONUFEMMES',
              'MARC',
              [24596, 49000, 50000, 50000, 25000],
              198596,
              4581,
            ),
          ],
        },
        {
          title: {
            fr: "Appui à la mise en place des mécanismes et des outils de concertation et la coordination dans la mise en œuvre et le suivi de la politique et son plan d'action (2021-2025)",
            en: 'Support to consultation and coordination mechanisms and tools for implementing and monitoring the policy and its action plan (2021-2025)',
          },
          rows: [row('PNUD, ONUFEMMES', 'MARC', [null, null, 25000, 25000, 25000], 75000, 4591)],
        },
      ],
      subtotal: sub([24596, 49000, 75000, 75000, 50000], 273596, 4593),
    },
    {
      code: '4.2',
      activities: [
        {
          title: {
            fr: "Appui au renforcement de la résilience communautaire à l'extrémisme violent et à la promotion de la culture de la paix dans les zones ciblées",
            en: 'Support to community resilience to violent extremism and to a culture of peace in the targeted areas',
          },
          description:
            '- Institutionnalisation des réunions de concertation entre les acteurs religieux (y compris les organisations religieuses de femmes) aux fins d’échanger et d’arrêter une stratégie conjointe sur les questions de PEV entre les différentes communautés religieuses\n- Campagne de vulgarisation et d’utilisation du guide d’adaptation des prêches et sermons religieux à la Politique Nationale de Prévention et de lutte contre l’extrémisme violent et le terrorisme au Mali dans les zones du projet.',
          rows: [row('PNUD', 'MARC', [23101, 8000, 50000, 50000, 25000], 156101, 4627)],
        },
        {
          title: {
            fr: "Appui au renforcement de capacités des acteurs religieux (y compris les organisations religieuses de femmes) dans la prévention d'extrémisme violent et la radicalisation",
            en: "Building religious actors' capacities (including women's religious organisations) to prevent violent extremism and radicalisation",
          },
          rows: [row('PNUD', 'MARC', [null, 50000, 75000, 75000, 50000], 250000, 4634)],
        },
        {
          title: {
            fr: 'Sensibilisation à travers les médias et les dialogues inter et intracommunautaires',
            en: 'Awareness raising through the media and inter- and intra-community dialogues',
          },
          description:
            "- Sensibilisation à travers les médias sur la tolérance et le vivre ensemble dans les zones ciblées par le projet.\n- Sensibilisation des communautés à travers les dialogues inter et intracommunautaires et la promotion de la culture de la paix, dirigée par les leaders d'opinion/ leaders religieux",
          rows: [row('PNUD', null, [null, 70000, 50000, 50000, 25000], 195000, 4644)],
        },
        {
          title: {
            fr: 'Appui au monitoring et à la diffusion de message pour contrer les discours radicaux diffusés dans les réseaux sociaux, y compris sur les droits humains et les droits des femmes',
            en: "Support to monitoring social media and spreading messages countering radical discourse, including on human rights and women's rights",
          },
          rows: [row('PNUD', 'MARC', [null, 50000, 50000, 50000, 25000], 175000, 4651)],
        },
        {
          title: {
            fr: "Appui aux communautés locales pour mettre en œuvre des initiatives visant à prévenir l'extrémisme violent dans les zones ciblées",
            en: 'Support to local communities implementing initiatives to prevent violent extremism in the targeted areas',
          },
          description:
            "- Réaliser des diagnostics locaux sur l'extrémisme violent dans les territoires ciblés\n- Mise en œuvre des initiatives visant à prévenir l'extrémisme violent dans les zones ciblées",
          rows: [
            row(
              'PNUD',
              'MARC',
              [10000, 90000, null, null, null],
              100000,
              4661,
              "Réaliser des diagnostics locaux sur l'extrémisme violent dans les territoires ciblés",
            ),
            row(
              'PNUD',
              'MARC',
              [110070, 64358, 90000, 90000, 50000],
              404428,
              4663,
              "Mise en œuvre des initiatives visant à prévenir l'extrémisme violent dans les zones ciblées",
            ),
          ],
        },
      ],
      subtotal: sub([143171, 332358, 315000, 315000, 175000], 1280529, 4665),
    },
    {
      code: '4.3',
      activities: [
        {
          title: {
            fr: "Appui au développement et à la diffusion de programmes d’enseignement et d'approches pédagogiques pour renforcer la résilience des apprenants à l’extrémisme violent",
            en: "Support to curricula and teaching approaches that strengthen learners' resilience to violent extremism",
          },
          rows: [
            row('PNUD, UNESCO, UNICEF, ONUFemmes', 'MARC', [null, 40000, 50000, 50000, 25000], 165000, 4684),
          ],
        },
        {
          title: {
            fr: "Etude sur les dynamiques sexospécifiques de l'extrémisme violent ; capacités et rôle des femmes et des jeunes dans l’alerte précoce",
            en: 'Study of the gender dynamics of violent extremism; capacities and role of women and young people in early warning',
          },
          description:
            "- Etude sur les dynamiques sexospécifiques de l'extrémisme violent\n- Renforcer les capacités et le rôle des femmes et des jeunes comme acteurs de l’alerte précoce et de la lutte contre l'extrémisme violent",
          rows: [row('PNUD, ONUFEMMES', 'MARC', [65000, 115000, 75000, 75000, 25000], 355000, 4695)],
        },
        {
          title: {
            fr: "Appui aux initiatives des organisations de jeunes (femmes et hommes) et des organisations de femmes en tant qu'ambassadeurs de la paix, initiatrice des actions d’alerte précoce et de lutte contre l'extrémisme violent",
            en: "Support to youth (women and men) and women's organisations as peace ambassadors leading early warning and action against violent extremism",
          },
          rows: [row('PNUD, ONUFEMMES', 'MARC', [null, 56000, 45000, 89786, 29491], 220277, 4706)],
        },
      ],
      subtotal: sub([65000, 211000, 170000, 214786, 79491], 740277, 4708),
    },
  ],
  subtotal: sub([232767, 592358, 560000, 604786, 304491], 2294402, 4710),
};

export const workPlanOutcomes: OutcomeDoc[] = [outcome1, outcome2, outcome3, outcome4];

/** The rows below the activities (lines 4712-4726). */
export const workPlanTotals = {
  activities: sub([6761414, 6476669, 5624775, 4617061, 1978944], 25458863, 4712),
  management: sub([320259, 905817, 1205702, 1173876, 699454], 4305108, 4716),
  budget: sub([7081673, 7382486, 6830477, 5790937, 2678398], 29763971, 4718),
  gms: sub([176169, 611231, 546438, 463275, 214272], 2011385, 4720),
  levy: sub([29703, 29703, 73769, 62542, 28927], 224644, 4722),
  grandTotal: sub([7287544, 8023420, 7450684, 6316754, 2921597], 32000000, 4724),
};

/** The document's own inconsistencies, as the views must flag them (checked by the seed's test). */
export const knownDiscrepancies = [
  'line 3.3.1-a: 123 499 + 123 499 + 50 000 + 50 000 + 50 000 = 396 998, printed 396 997',
  'line 3.3.1-b: 51 143 + 96 143 + 125 000 + 125 000 + 50 000 = 447 286, printed 447 285',
  'output 3.3 2021: 123 499 + 51 143 = 174 642, printed 174 641',
  'output 3.3 2022: 123 499 + 96 143 + 95 000 + 45 000 = 359 642, printed 359 641',
  'activities 2025: 358 456 + 1 057 542 + 258 456 + 304 491 = 1 978 945, printed 1 978 944',
  'activities total: 3 904 123 + 16 794 714 + 2 465 625 + 2 294 402 = 25 458 864, printed 25 458 863',
  'grand total 2021: 7 081 673 + 176 169 + 29 703 = 7 287 545, printed 7 287 544',
  'grand total row: 7 287 544 + 8 023 420 + 7 450 684 + 6 316 754 + 2 921 597 = 31 999 999, printed 32 000 000',
];

// ---- flattening into the work-plan document the API imports ----

const recipientPatterns: [RegExp, string][] = [
  [/PNUD/i, 'UNDP'],
  [/ONU\s*FEMMES/i, 'UNWOMEN'],
  [/MINUSMA/i, 'MINUSMA'],
];

/** The first programme recipient an entity cell names, in the order it names them. */
export function leadAgency(entities: string | null): string | null {
  if (!entities) return null;
  let best: { at: number; code: string } | null = null;
  for (const [pattern, code] of recipientPatterns) {
    const at = entities.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, code };
  }
  return best?.code ?? null;
}

const amountsOf = (cells: Years): Record<string, number> =>
  Object.fromEntries(
    cells.flatMap((value, i) => (value === null ? [] : [[String(workPlanYears[i]), value]])),
  );

const programmeStart = '2021-07-01';
function plannedPeriod(rows: RowDoc[]): { plannedStart?: string; plannedEnd?: string } {
  const years = rows.flatMap((r) => r.amounts.flatMap((v, i) => (v ? [workPlanYears[i]!] : [])));
  if (years.length === 0) return {};
  const first = Math.min(...years);
  const start = `${first}-01-01` < programmeStart ? programmeStart : `${first}-01-01`;
  return { plannedStart: start, plannedEnd: `${Math.max(...years)}-12-31` };
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
const genderOutputs = new Set(['1.3', '2.4']);
const source = (line: number) => `Document de programme PROSMED, plan de travail, l. ${line}`;

function flatten(): WorkPlanDocumentInput {
  const doc: Required<WorkPlanDocumentInput> = { activities: [], lines: [], statedTotals: [] };
  for (const outcome of workPlanOutcomes) {
    for (const output of outcome.outputs) {
      output.activities.forEach((activity, a) => {
        const code = `${output.code}.${a + 1}`;
        doc.activities.push({
          code,
          outcome: outcome.code,
          output: output.code,
          title: activity.title,
          ...(activity.description ? { description: { fr: activity.description } } : {}),
          ...plannedPeriod(activity.rows),
        });
        activity.rows.forEach((r, i) => {
          doc.lines.push({
            code: activity.rows.length > 1 ? `${code}-${letters[i]}` : code,
            kind: 'activity',
            activity: code,
            ...(r.label ? { label: { fr: r.label } } : {}),
            agency: leadAgency(r.entities),
            unEntities: r.entities,
            partners: r.partners,
            amounts: amountsOf(r.amounts),
            statedTotal: r.total,
            genderPercent: genderOutputs.has(output.code) ? 100 : null,
            source: source(r.line),
          });
        });
      });
      doc.statedTotals.push({
        scope: 'output',
        code: output.code,
        label: { fr: `Sous-total Produit ${output.code}`, en: `Subtotal output ${output.code}` },
        amounts: amountsOf(output.subtotal.amounts),
        total: output.subtotal.total,
        source: source(output.subtotal.line),
      });
    }
    if (outcome.technicalSupport) {
      doc.lines.push({
        code: `AT-${outcome.code}`,
        kind: 'technical_support',
        outcome: outcome.code,
        label: {
          fr: `Appui technique — résultat ${outcome.code}`,
          en: `Technical support — outcome ${outcome.code}`,
        },
        amounts: amountsOf(outcome.technicalSupport.amounts),
        statedTotal: outcome.technicalSupport.total,
        source: source(outcome.technicalSupport.line),
      });
    }
    doc.statedTotals.push({
      scope: 'outcome',
      code: outcome.code,
      label: { fr: `Sous-total Résultat ${outcome.code}`, en: `Subtotal outcome ${outcome.code}` },
      amounts: amountsOf(outcome.subtotal.amounts),
      total: outcome.subtotal.total,
      source: source(outcome.subtotal.line),
    });
  }
  const t = workPlanTotals;
  doc.statedTotals.push({
    scope: 'activities',
    label: { fr: 'Grand total des activités', en: 'Total of activities' },
    amounts: amountsOf(t.activities.amounts),
    total: t.activities.total,
    source: source(t.activities.line),
  });
  doc.lines.push({
    code: 'GESTION',
    kind: 'management',
    label: { fr: 'Management, M&E et communication', en: 'Management, M&E and communication' },
    amounts: amountsOf(t.management.amounts),
    statedTotal: t.management.total,
    source: source(t.management.line),
  });
  doc.statedTotals.push({
    scope: 'budget',
    label: { fr: 'Grand Total du budget du projet', en: 'Total project budget' },
    amounts: amountsOf(t.budget.amounts),
    total: t.budget.total,
    source: source(t.budget.line),
  });
  doc.lines.push({
    code: 'GMS',
    kind: 'indirect',
    label: { fr: 'GMS (8%)', en: 'GMS (8%)' },
    amounts: amountsOf(t.gms.amounts),
    statedTotal: t.gms.total,
    source: source(t.gms.line),
  });
  doc.lines.push({
    code: 'LEVY',
    kind: 'indirect',
    label: { fr: 'Levy (1%)', en: 'Levy (1%)' },
    amounts: amountsOf(t.levy.amounts),
    statedTotal: t.levy.total,
    source: source(t.levy.line),
  });
  doc.statedTotals.push({
    scope: 'grand_total',
    label: { fr: 'GRAND TOTAL', en: 'GRAND TOTAL' },
    amounts: amountsOf(t.grandTotal.amounts),
    total: t.grandTotal.total,
    source: source(t.grandTotal.line),
  });
  return doc;
}

/** PROSMED's work plan (section V of its programme document) as the document the API imports. */
export const prosmedWorkPlan: WorkPlanDocumentInput = flatten();
