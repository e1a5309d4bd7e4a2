/** The cli sentences the server says (see core/i18n/translate.ts): French, the reference. */
export const cliFr = {
  /** `jalon expenditure import` (server/cli/finance.command.ts) */
  expenditure: {
    imported:
      'Importé : {{rows}} lignes, {{total}} — {{created}} nouvelles, {{updated}} remplacées, {{unchanged}} inchangées.',
    checked:
      'Vérifié (rien écrit) : {{rows}} lignes, {{total}} — {{created}} nouvelles, {{updated}} remplacées, {{unchanged}} inchangées.',
    refused: "{{file}} refusé, rien n'a été écrit :",
  },
};
