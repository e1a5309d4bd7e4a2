/**
 * The words of field data as plain lists (no Zod): the contracts build their schemas from them, and the web
 * app imports them without pulling the schema library into the browser.
 */
export const activityKinds = [
  'training',
  'sensitisation',
  'workshop',
  'meeting',
  'dialogue',
  'infrastructure',
  'event',
  'other',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** `unknown` is an answer: the sheet did not say (never silently counted as women or men). */
export const sexes = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

/** "jeunes" = 18–35 in the documents; pupils are under 18. */
export const ageGroups = ['under_18', 'age_18_35', 'age_36_plus', 'unknown'] as const;
export type AgeGroup = (typeof ageGroups)[number];

/**
 * `distinct`: each person counted once (a three-day training of 25 people counts 25).
 * `attendance`: each presence counted (three radio shows heard by 100 people each count 300).
 */
export const countBases = ['distinct', 'attendance'] as const;
export type CountBasis = (typeof countBases)[number];

/** Who took part, as the reports group them; `other` for anyone else. */
export const participantCategories = [
  'local_authorities',
  'women_youth_associations',
  'community_members',
  'conflict_mechanism_members',
  'magistrates',
  'justice_personnel',
  'judicial_police',
  'security_forces',
  'religious_actors',
  'pupils',
  'students',
  'teachers',
  'civil_society',
  'government_officials',
  'media',
  'other',
] as const;
export type ParticipantCategory = (typeof participantCategories)[number];

export const attachmentKinds = ['photo', 'document'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const areaLevels = ['region', 'cercle', 'commune'] as const;

export const ruleKinds = ['sum_participants', 'count_activities', 'count_places', 'sum_quantity'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export const progressStatuses = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  /** the target's date has passed and it was not reached: a final verdict, never "late" */
  'not_achieved',
  'no_data',
  'no_target',
  'not_measurable',
] as const;
export type ProgressStatus = (typeof progressStatuses)[number];
