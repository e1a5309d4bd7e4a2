/** The documents sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const documentsFr = {};
