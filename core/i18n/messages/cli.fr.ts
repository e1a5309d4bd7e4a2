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
  /** `jalon start` with several processes (server/cli/cluster.ts) */
  processes: {
    pgliteOne:
      "{{asked}} processus demandés, mais la base intégrée (PGlite) n'a qu'un propriétaire : Jalon tourne en un seul processus (DATABASE_URL pour en lancer plusieurs sur PostgreSQL).",
    running: '{{workers}} processus serveur sur le même port (pid principal {{pid}}).',
    workerDied: "Le processus serveur {{pid}} s'est arrêté ({{how}}) ; un autre démarre dans {{seconds}} s.",
    failedToStart:
      "Le processus serveur {{pid}} s'est arrêté avant d'être prêt : arrêt de Jalon (voir son erreur ci-dessus).",
    stopping: '{{signal}} : arrêt des processus serveur…',
  },
};
