/** The checks sentences, said by the server and shown by the screens (see core/i18n/translate.ts): French, the reference. */
export const checksFr = {};
