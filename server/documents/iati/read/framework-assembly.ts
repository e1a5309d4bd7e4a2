// An activity's results → one framework version (outcomes, outputs, indicator codes) and its actuals → progress.
import type { IndicatorInput, ProgrammeDocument } from '../../../../core/contracts/programme-document.js';
import type { FileReader } from './file-reader.js';
import type { RawIndicator, RawProgramme } from './raw-activity.js';
import type { IatiReadOptions } from './read-types.js';
import { classifyTargets } from './target-periods.js';

/** letters for outcome indicators as the PBF documents number them: 1.a, 1.b … 1.z, 1.aa */
function letters(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(97 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Turns raw results into a framework version's outcomes, and actuals into progress. */
export function assembleFramework(
  raw: RawProgramme,
  file: FileReader,
  options: IatiReadOptions,
): { framework?: ProgrammeDocument['frameworks'][number]; progress: ProgrammeDocument['progress'] } {
  const say = file.say;
  if (raw.results.length === 0) {
    file.issue('note', raw.identifier, say('documents.iati.read.framework.noResults'));
    return { progress: [] };
  }
  type Outcome = ProgrammeDocument['frameworks'][number]['outcomes'][number];
  const outcomes: Outcome[] = [];
  const progress: ProgrammeDocument['progress'] = [];
  const usedIndicatorCodes = new Set<string>();
  const usedOutcomeCodes = new Set<string>();
  const usedOutputCodes = new Set<string>();
  const references = raw.results.flatMap((r) => r.indicators.map((i) => i.reference)).filter(Boolean);
  const useIndicatorReferences = new Set(references).size === references.length;

  const indicatorOf = (ind: RawIndicator, fallback: string): IndicatorInput => {
    let code = useIndicatorReferences && ind.reference ? ind.reference : fallback;
    while (usedIndicatorCodes.has(code)) code = `${code}′`;
    usedIndicatorCodes.add(code);
    const classified = classifyTargets(ind, raw);
    for (const a of ind.actuals)
      progress.push({
        indicator: code,
        periodStart: a.start,
        periodEnd: a.end,
        value: a.value,
        ...(a.reason ? { reason: a.reason } : {}),
      });
    for (const extra of classified.extra)
      file.issue(
        'note',
        ind.where,
        say('documents.iati.read.framework.extraTargetAsMilestone', { start: extra.start, end: extra.end }),
      );
    return {
      code,
      title: ind.title,
      measure: ind.measure,
      direction: ind.direction,
      ...(ind.unit ? { unit: ind.unit } : {}),
      ...(ind.cumulative ? { cumulative: true } : {}),
      ...(ind.sources ? { sources: ind.sources } : {}),
      ...(ind.baseline !== undefined ? { baseline: ind.baseline } : {}),
      ...(classified.endTarget !== undefined ? { endTarget: classified.endTarget } : {}),
      ...(Object.keys(classified.annual).length ? { targets: classified.annual } : {}),
      ...(classified.milestones.length ? { milestones: classified.milestones } : {}),
      ...(ind.disaggregations.size ? { disaggregations: [...ind.disaggregations] } : {}),
      ...(ind.notes.length ? { notes: ind.notes.join('\n') } : {}),
    };
  };

  const outcomeResults = raw.results.filter((r) => r.type === 'outcome');
  const outputResults = raw.results.filter((r) => r.type === 'output');
  outcomeResults.forEach((r, i) => {
    let code = r.reference && !usedOutcomeCodes.has(r.reference) ? r.reference : String(i + 1);
    while (usedOutcomeCodes.has(code)) code = `${code}′`;
    usedOutcomeCodes.add(code);
    outcomes.push({
      code,
      statement: r.title,
      indicators: r.indicators.map((ind, k) => indicatorOf(ind, `${code}.${letters(k)}`)),
      outputs: [],
    });
  });
  // IATI does not link outputs to outcomes: an output whose reference starts with an outcome's code goes
  // under it; the others under one outcome that says so
  let orphanOutcome: Outcome | undefined;
  for (const r of outputResults) {
    const parent = r.reference
      ? outcomes.find((o) => r.reference !== o.code && r.reference!.startsWith(`${o.code}.`))
      : undefined;
    let target = parent;
    if (!target) {
      if (!orphanOutcome) {
        let code = String(outcomes.length + 1);
        while (usedOutcomeCodes.has(code)) code = `${code}′`;
        usedOutcomeCodes.add(code);
        orphanOutcome = {
          code,
          statement: {
            fr: 'Produits publiés sans résultat parent (IATI ne relie pas les produits aux résultats)',
            en: 'Outputs published without a parent outcome (IATI does not link outputs to outcomes)',
          },
          indicators: [],
          outputs: [],
        };
        outcomes.push(orphanOutcome);
        file.issue(
          'note',
          raw.identifier,
          say('documents.iati.read.framework.outputsUnderMadeOutcome', { code }),
        );
      }
      target = orphanOutcome;
    }
    let code =
      r.reference && !usedOutputCodes.has(r.reference) && parent
        ? r.reference
        : `${target.code}.${target.outputs.length + 1}`;
    while (usedOutputCodes.has(code)) code = `${code}′`;
    usedOutputCodes.add(code);
    target.outputs.push({
      code,
      statement: r.title,
      indicators: r.indicators.map((ind, k) => indicatorOf(ind, `${code}.${k + 1}`)),
      activities: [],
    });
  }
  const effectiveDate = raw.startDate ?? options.today;
  return {
    framework: {
      version: 1,
      label: { fr: "Importé d'IATI", en: 'Imported from IATI' },
      effectiveDate,
      reason: {
        fr: `Import du fichier IATI ${options.fileName} (${raw.identifier})`,
        en: `Import of the IATI file ${options.fileName} (${raw.identifier})`,
      },
      outcomes,
      alignments: [],
    },
    progress,
  };
}
