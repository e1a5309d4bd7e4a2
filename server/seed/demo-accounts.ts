/**
 * One demo account per role, created on the first start with fresh random passwords that `npm start` prints
 * once (a known password would open every installation that kept the demo data).
 */
import type { GlobalRole, MembershipRole } from '../../core/contracts/auth.js';
import { generatePassword } from '../modules/auth/generated-password.js';
import { addMembership, createUser, hasUsers } from '../modules/auth/auth.service.js';
import type { Db } from '../db/client.js';
import { operatorContext } from '../context.js';

interface DemoAccount {
  email: string;
  name: string;
  role: GlobalRole;
  memberships: { programme: string; role: MembershipRole; organisation?: string }[];
  description: string;
}

const accounts: DemoAccount[] = [
  {
    email: 'admin@jalon.demo',
    name: 'Administratrice Jalon',
    role: 'admin',
    memberships: [],
    description: 'administrator',
  },
  {
    email: 'secretariat@jalon.demo',
    name: 'Secrétariat PBF',
    role: 'secretariat',
    memberships: [],
    description: 'fund secretariat (reviews every programme)',
  },
  {
    email: 'coordination.a1@jalon.demo',
    name: 'Coordination PBF/MLI/A-1 (PAM)',
    role: 'member',
    memberships: [{ programme: 'PBF/MLI/A-1', role: 'coordinator' }],
    description: 'coordinator of PBF/MLI/A-1',
  },
  {
    email: 'fao.a1@jalon.demo',
    name: 'Point focal FAO (PBF/MLI/A-1)',
    role: 'member',
    memberships: [{ programme: 'PBF/MLI/A-1', role: 'focal_point', organisation: 'FAO' }],
    description: 'FAO focal point on PBF/MLI/A-1',
  },
  {
    email: 'coordination.prosmed@jalon.demo',
    name: 'Coordination PROSMED (PNUD)',
    role: 'member',
    memberships: [{ programme: 'PROSMED', role: 'coordinator' }],
    description: 'coordinator of PROSMED',
  },
  {
    email: 'bailleur@jalon.demo',
    name: 'Bailleur (lecture)',
    role: 'member',
    memberships: ['PBF/MLI/A-1', 'PBF/MLI/A-2', 'PBF/MLI/A-3', 'PROSMED'].map((programme) => ({
      programme,
      role: 'viewer' as const,
    })),
    description: 'donor, reads every programme',
  },
];

/** Creates the demo accounts when there is no account yet; returns them with their passwords, once. */
export async function createDemoAccounts(
  db: Db,
): Promise<{ email: string; password: string; description: string }[]> {
  if (await hasUsers(db)) return [];
  const ctx = operatorContext(db);
  const created = [];
  for (const account of accounts) {
    const password = generatePassword();
    const user = await createUser(ctx, {
      email: account.email,
      name: account.name,
      password,
      role: account.role,
    });
    for (const m of account.memberships) await addMembership(ctx, user.id, m);
    created.push({ email: account.email, password, description: account.description });
  }
  return created;
}

export function printDemoAccounts(created: { email: string; password: string; description: string }[]) {
  if (created.length === 0) return;
  console.log(
    '\nDemo accounts (passwords shown once — `jalon user reset-password <email>` makes a new one):',
  );
  for (const a of created) console.log(`  ${a.email.padEnd(34)} ${a.password}   ${a.description}`);
  console.log('');
}
