/** Words shared by the account pages. */
import type { Membership } from '../../../core/contracts/auth.js';
import { type TFunction } from '../../i18n/i18n.js';

/** `PBF/MLI/A-1 · Point focal (FAO)` */
export function membershipLabel(m: Membership, t: TFunction): string {
  const role = t(`admin.membershipRoles.${m.role}`);
  return `${m.programme.code} · ${role}${m.organisation ? ` (${m.organisation.code})` : ''}`;
}
