import { describe, expect, it } from 'vitest';
import type { User } from '../../../core/contracts/auth.js';
import { canReadProgramme } from './access.js';

const prosmed = { id: '00000000-0000-4000-8000-000000000001', slug: 'prosmed', code: 'PBF/MLI/B-1' };
const other = { id: '00000000-0000-4000-8000-000000000002', slug: 'other', code: 'PBF/MLI/B-2' };
const person = (role: User['role'], memberships: User['memberships'] = []): User => ({
  id: '00000000-0000-4000-8000-00000000000a',
  email: 'a@test.jalon',
  name: 'A',
  role,
  active: true,
  mustChangePassword: false,
  lastSignInAt: null,
  lockedUntil: null,
  memberships,
  version: 1,
});

describe('the web asks the shared policy who reads a programme’s trail', () => {
  it('answers as the server does for each kind of person', () => {
    const fao = { id: '00000000-0000-4000-8000-0000000000f0', code: 'FAO' };
    expect(canReadProgramme(null, 'prosmed')).toBe(false);
    expect(canReadProgramme(person('admin'), 'prosmed')).toBe(true);
    expect(canReadProgramme(person('secretariat'), 'prosmed')).toBe(true);
    const focal = person('member', [{ programme: prosmed, role: 'focal_point', organisation: fao }]);
    expect(canReadProgramme(focal, 'prosmed')).toBe(true);
    expect(canReadProgramme(focal, 'other')).toBe(false);
    const donor = person('member', [{ programme: prosmed, role: 'viewer', organisation: null }]);
    expect(canReadProgramme(donor, 'prosmed')).toBe(false);
    const coordinator = person('member', [{ programme: other, role: 'coordinator', organisation: null }]);
    expect(canReadProgramme(coordinator, 'other')).toBe(true);
    expect(canReadProgramme(coordinator, 'prosmed')).toBe(false);
  });
});
