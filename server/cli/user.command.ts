import type { GlobalRole, MembershipRole } from '../../core/contracts/auth.js';
import { email as emailSchema, password as passwordSchema } from '../../core/contracts/auth.js';
import { addMembership, createUser, resetPassword, userIdOfEmail } from '../modules/auth/auth.service.js';
import { generatePassword } from '../modules/auth/generated-password.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

/** `jalon user create <email> --name … [--role admin|secretariat|member] [--password …] [--programme X --as coordinator]` */
export async function userCreateCommand(
  rawEmail: string,
  options: {
    name?: string;
    role: string;
    password?: string;
    programme?: string;
    as?: string;
    organisation?: string;
  },
): Promise<void> {
  const email = emailSchema.parse(rawEmail);
  const password = options.password ?? generatePassword();
  passwordSchema.parse(password);
  // a few reads and one account written: on PGlite, the brief command's engine (server/db/client.ts, `brief`)
  const database = await openMigrated(undefined, { brief: true });
  try {
    const ctx = operatorContext(database.db);
    const user = await createUser(ctx, {
      email,
      name: options.name ?? email.split('@')[0]!,
      password,
      role: options.role as GlobalRole,
      mustChangePassword: !options.password,
    });
    if (options.programme) {
      await addMembership(ctx, user.id, {
        programme: options.programme,
        role: (options.as ?? 'viewer') as MembershipRole,
        organisation: options.organisation,
      });
    }
    console.log(
      `Account created: ${email} (${options.role})${options.password ? '' : ` — password: ${password} (to change at first sign-in)`}`,
    );
  } finally {
    await database.close();
  }
}

/** `jalon user reset-password <email>`: a new password, printed, to change at the next sign-in. */
export async function userResetPasswordCommand(rawEmail: string): Promise<void> {
  const email = emailSchema.parse(rawEmail);
  // one read and one write: on PGlite, the brief command's engine (server/db/client.ts, `brief`)
  const database = await openMigrated(undefined, { brief: true });
  try {
    const ctx = operatorContext(database.db);
    const userId = await userIdOfEmail(ctx, email);
    if (!userId) throw new Error(`No account for ${email}`);
    const password = generatePassword();
    await resetPassword(ctx, userId, password);
    console.log(`New password for ${email}: ${password} (to change at the next sign-in)`);
  } finally {
    await database.close();
  }
}
