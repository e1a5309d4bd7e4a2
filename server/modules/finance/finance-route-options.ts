// What every finance routes file declares alike: the OpenAPI tag, open reads, write permissions, the .xlsx type.
import type { Permission } from '../auth/policy.js';
import type { ProgrammeScope } from '../auth/programme-scope.js';

// Reads are open like the programme pages; writes need `programme.write` (budget, work plan, committees) or
// `data.write` (expenses, activity follow-up, decisions follow-up) on the programme.
export const tags = ['finance'];
export const read = { access: 'public' as const };
export const may = (permission: Permission, programme: ProgrammeScope) => ({
  access: { permission, programme },
});
export const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
