/**
 * What a reviewer of the Fund's secretariat would raise on the three 2020 reports of the seeds, labelled by
 * hand from the seed texts (../shared/seeds/000, 001, 002) as the demo data holds them — the answer key the
 * report checks are measured against (`seed-report-checks.test.ts`: precision and recall per check).
 *
 * - `acronyms`: `raise` = an acronym the report uses (in a narrative, a Part V cell, or the framework's
 *   statements, indicators, baselines and targets) and spells out nowhere; `clear` = the upper-case words a
 *   check must not raise (spelled out somewhere, a recipient, common, a title in capitals, a name).
 * - `answers`: the places the template expects an answer and the report leaves blank (the outcome ratings
 *   the seeds leave empty, a yes/no without its yes or no, a marker or focus area the programme lacks);
 *   `clear` = places that look blank but are not expected (Part IV is answered only after adjustments; no
 *   catalytic funding is an answer; "Autre" is optional; the last-six-months questions do not apply).
 * - `sexAge`: `<indicator>:sex` / `<indicator>:age` — a Part V figure counting people (more than zero) that
 *   does not give their sex / their age; `clear` = figures that give it, or count no people.
 */
export interface CheckLabels {
  acronyms: { raise: string[]; clear: string[] };
  answers: { raise: string[]; clear: string[] };
  sexAge: { raise: string[]; clear: string[] };
}

export const seedCheckLabels: Record<string, CheckLabels> = {
  // 002: the annual report 2020 of PBF/MLI/A-1 (PAM, FAO, OIM)
  'PBF/MLI/A-1': {
    acronyms: {
      // TdR (termes de référence), PBSO, PDIs, AMASSA (an NGO), DTM (in the baseline of 1.4): never spelled out
      raise: ['TdR', 'PBSO', 'PDI', 'AMASSA', 'DTM'],
      clear: [
        // "planification communautaire participative (PCP)", "Plans de Développement Social, Economique, et
        // Culturel (PDSEC)", "Groupe de Recherche et d'Applications Techniques (GRAT)", "Association Malienne pour
        // la Promotion du Sahel (AMAPROS)", "Direction National du Développement Social (DNDS)", "Petits Périmètres
        // Maraichers (PPM)", "Directions régionales de la santé (DRS)"
        'PCP',
        'PDSEC',
        'GRAT',
        'AMAPROS',
        'DNDS',
        'PPM',
        'DRS',
        'FAO',
        'OIM',
        'PAM',
        'ONG',
        'COVID',
        // the FAO's Dimitra listening clubs, a name written in capitals, not an acronym
        'DIMITRA',
      ],
    },
    answers: {
      raise: [
        'outcomes.1.rating',
        'outcomes.2.rating',
        'outcomes.3.rating',
        'fields.baselines_exist',
        // "comme telles, mais …": the text is there, its yes or no is not
        'fields.perception_surveys',
        'fields.evaluation_conducted',
      ],
      clear: [
        'fields.gender_marker',
        'fields.risk_marker',
        'fields.focus_area',
        'fields.secretariat_reviewed',
        'fields.structural_change',
        'fields.catalytic_funding',
        'fields.covid_categories',
      ],
    },
    sexAge: {
      // "150 personnes formées (50 agents de santé communautaires – …)": by role, neither sex nor age
      raise: ['2.1.1:sex', '2.1.1:age'],
      // five health checkpoints, not people
      clear: ['2.1.4:sex', '2.1.4:age'],
    },
  },
  // 001: the annual report 2020 of PBF/MLI/A-2 (PNUD)
  'PBF/MLI/A-2': {
    acronyms: {
      raise: [
        'PTA',
        'MINUSMA',
        // MINUSMA misspelled in Part III: still an acronym nobody spells out
        'MINUMA',
        'DSRSG',
        'RC',
        'HC',
        'PBSO',
        'PDESC',
        // "cadres de concertations (CROCSAD, CLOCSAD, CCOCSAD)" names them, does not spell them out
        'CROCSAD',
        'CLOCSAD',
        'CCOCSAD',
        // "Organisations de la Société Civile" is written, never beside "OSC"
        'OSC',
      ],
      clear: [
        'PNUD',
        'COVID',
        // "le projet est GEN 1": the gender marker's code
        'GEN',
        // the study's title in capitals: "LE CODE PASTORAL DE LA DIINA DE SEKOU AMADOU DU XIXEME SIECLE …"
        'DIAGNOSTIC',
        'SOCIOECONOMIQUEDES',
        'REGIONS',
        'DU',
        'CENTRE',
        'LE',
        'CODE',
        'PASTORAL',
        'DE',
        'LA',
        'DIINA',
        'SEKOU',
        'AMADOU',
        'XIXEME',
        'SIECLE',
        'ET',
        'SON',
        'IMPACT',
        'SUR',
        'CONSOLIDATION',
        'PAIX',
        'DANS',
        'LES',
      ],
    },
    answers: {
      raise: [
        'fields.focus_area',
        'fields.secretariat_reviewed',
        'outcomes.1.rating',
        'outcomes.2.rating',
        'outcomes.3.rating',
        'fields.perception_surveys',
      ],
      clear: [
        'fields.gender_marker',
        'fields.risk_marker',
        'fields.baselines_exist',
        'fields.evaluation_conducted',
        'fields.catalytic_funding',
        'fields.covid_categories',
      ],
    },
    sexAge: {
      // "15 dont 6 femmes": the sex, no age
      raise: ['1.1.1:age'],
      // a matrix, two committees, nine meetings, two workshops, sixteen meetings: no people
      clear: ['1.1.1:sex', '1.1:sex', '1.2:sex', '1.2.2:sex', '2.2.2:sex', '3.2.2:sex'],
    },
  },
  // 000: the annual report 2020 of PBF/MLI/A-3 (HCDH, PNUD, ONU Femmes, Interpeace)
  'PBF/MLI/A-3': {
    acronyms: {
      // VBG (violences basées sur le genre), OSC, TdR: never spelled out
      raise: ['VBG', 'OSC', 'TdR'],
      clear: [
        // "Commission nationale des Droits de l'Homme - CNDH", "comités consultatifs de sécurité (CCS)",
        // "commissions foncières (COFO)"
        'CNDH',
        'CCS',
        'COFO',
        'HCDH',
        'PBF',
        'COVID',
        // a value's placeholders: "NA", "TBD (barometre)"
        'NA',
        'TBD',
      ],
    },
    answers: {
      raise: [
        'fields.gender_marker',
        'fields.risk_marker',
        'fields.focus_area',
        'outcomes.1.rating',
        'outcomes.2.rating',
        'outcomes.3.rating',
        'fields.baselines_exist',
        'fields.perception_surveys',
        'fields.evaluation_conducted',
      ],
      // "$N/A" for the financial adjustments of Part IV: answered only after adjustments
      clear: [
        'fields.secretariat_reviewed',
        'fields.covid_financial_adjustments',
        'fields.catalytic_funding',
      ],
    },
    sexAge: {
      // "166 dont 42 femmes soit 25%": the sex, no age
      raise: ['1.2.1:age'],
      clear: ['1.2.1:sex'],
    },
  },
};
