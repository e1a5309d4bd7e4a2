import type { authFr } from './auth.fr.js';

export const authEn: typeof authFr = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  title: 'Sign in to Jalon',
  intro:
    'Sign in to record data, write reports and see the drafts of your programmes. The portfolio can be read without an account.',
  email: 'E-mail address',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  signedInAs: 'Signed in: {{name}}',
  roles: { admin: 'administration', secretariat: 'fund secretariat', member: 'member' },
  mustChange: 'Your password was reset: change it now.',
  forgotten: 'Forgotten your password? Ask the Jalon administrators to reset it.',
  needSignIn: 'Sign in to see this page.',
};
