import type { ErrorCode } from './error-codes.js';
import type { Locale } from '../i18n/locale.js';

/** A user-facing sentence per error code, in each language. */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  validation_failed: { fr: 'Certaines valeurs sont invalides.', en: 'Some values are invalid.' },
  bad_request: { fr: 'La requête est mal formée.', en: 'The request is malformed.' },
  not_found: { fr: "Cet élément n'existe pas.", en: 'This item does not exist.' },
  conflict: { fr: 'Cet élément existe déjà.', en: 'This item already exists.' },
  version_conflict: {
    fr: "Quelqu'un d'autre a modifié cet élément entre-temps. Rechargez pour voir sa version.",
    en: 'Someone else changed this item in the meantime. Reload to see their version.',
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
