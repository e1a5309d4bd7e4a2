import type { ErrorCode } from './error-codes.js';
import type { Locale } from '../i18n/locale.js';

/** A user-facing sentence per error code, in each language. */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  validation_failed: { fr: 'Certaines valeurs sont invalides.', en: 'Some values are invalid.' },
  bad_request: { fr: 'La requête est mal formée.', en: 'The request is malformed.' },
  unauthorized: {
    fr: 'Connectez-vous pour faire cette action.',
    en: 'Sign in to do this.',
  },
  invalid_credentials: {
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Wrong e-mail address or password.',
  },
  forbidden: {
    fr: 'Votre rôle ne permet pas cette action sur ce programme.',
    en: 'Your role does not allow this on this programme.',
  },
  csrf_failed: {
    fr: 'La requête ne vient pas de Jalon (jeton de sécurité absent ou périmé). Rechargez la page.',
    en: 'The request does not come from Jalon (security token missing or stale). Reload the page.',
  },
  password_change_required: {
    fr: 'Choisissez d’abord votre propre mot de passe (Mon compte › Mot de passe).',
    en: 'First choose your own password (My account › Password).',
  },
  account_locked: {
    fr: 'Trop de tentatives de connexion échouées : le compte est verrouillé pour quelques minutes.',
    en: 'Too many failed sign-in attempts: the account is locked for a few minutes.',
  },
  too_many_requests: {
    fr: 'Trop de requêtes. Attendez une minute avant de réessayer.',
    en: 'Too many requests. Wait a minute before trying again.',
  },
  not_found: { fr: "Cet élément n'existe pas.", en: 'This item does not exist.' },
  conflict: { fr: 'Cet élément existe déjà.', en: 'This item already exists.' },
  version_conflict: {
    fr: "Quelqu'un d'autre a modifié cet élément entre-temps. Rechargez pour voir sa version.",
    en: 'Someone else changed this item in the meantime. Reload to see their version.',
  },
  locked: {
    fr: 'Verrouillé : cet élément ne peut pas être modifié pour le moment.',
    en: 'Locked: this cannot be changed at the moment.',
  },
  payload_too_large: { fr: 'Le contenu envoyé est trop volumineux.', en: 'The content sent is too large.' },
  unsupported_media_type: {
    fr: "Ce type de contenu n'est pas accepté.",
    en: 'This content type is not accepted.',
  },
  internal: {
    fr: "Une erreur inattendue s'est produite. Elle a été enregistrée.",
    en: 'An unexpected error occurred. It has been logged.',
  },
};

/**
 * Validation issues the contracts raise themselves, in each language: a refinement names its key in
 * `params.issue` and the error handler answers this sentence in the reader's language (its English is the
 * contract's own message, for the OpenAPI description and the CLI).
 */
export const issueMessages = {
  forbidden_key: {
    fr: 'Un chemin ou un nom ne peut pas être « __proto__ », « constructor » ni « prototype ».',
    en: 'A path or name cannot be “__proto__”, “constructor” or “prototype”.',
  },
} satisfies Record<string, Record<Locale, string>>;
export type IssueKey = keyof typeof issueMessages;

/** The sentence of a contract's own issue in `locale`; undefined for any other issue. */
export function issueMessage(key: unknown, locale: Locale): string | undefined {
  return typeof key === 'string' && Object.hasOwn(issueMessages, key)
    ? issueMessages[key as IssueKey][locale]
    : undefined;
}
