/**
 * The closed lists of a programme and its framework, as plain data: the Zod contracts (`z.enum(list)`,
 * core/contracts/programme-document.ts) and the database's enums (server/db/schema) are made from them, so the
 * schema — loaded by every command — does not build the contracts (≈ 220 ms, issue 20 item 4).
 */
export const organisationKinds = [
  'un_agency',
  'non_un',
  'government',
  'ngo',
  'donor',
  'fund',
  'other',
] as const;

export const indicatorMeasures = ['number', 'percent', 'yes_no', 'text', 'document', 'index'] as const;
export const indicatorDirections = ['increase', 'decrease', 'maintain'] as const;
export const alignmentFrameworks = ['UNSDCF', 'UNDP_CPD', 'UNWOMEN_SN', 'PBF', 'SDG', 'OTHER'] as const;

export const riskCategories = [
  'operational',
  'security_political',
  'political',
  'programmatic',
  'fiduciary',
  'contextual',
  'other',
] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;
export const riskImpacts = ['limited', 'medium', 'strong'] as const;

export const genderMarkers = ['GM0', 'GM1', 'GM2', 'GM3'] as const;
export const programmeKinds = ['project', 'joint_programme'] as const;
export const trustFundKinds = ['none', 'country', 'regional'] as const;
