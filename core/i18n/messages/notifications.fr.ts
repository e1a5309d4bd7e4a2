/** What the notifications and their e-mails say (rendered by the server in the reader's language). */
export const notificationsFr = {
  title: {
    due_soon_one: '{{report}} de {{programme}} : à remettre le {{date}}, demain',
    due_soon_other: '{{report}} de {{programme}} : à remettre le {{date}}, dans {{count}} jours',
    late_one: '{{report}} de {{programme}} : en retard d’un jour (attendu le {{date}})',
    late_other: '{{report}} de {{programme}} : en retard de {{count}} jours (attendu le {{date}})',
    part_ready: '{{report}} de {{programme}} : la partie {{agency}} est prête ({{by}})',
    submitted: '{{report}} de {{programme}} soumis au Fonds par {{by}}',
    sent_back: '{{report}} de {{programme}} renvoyé par {{by}}',
    accepted: '{{report}} de {{programme}} accepté par {{by}}',
    reopened: '{{report}} de {{programme}} rouvert par {{by}}',
    comment: '{{report}} de {{programme}} : commentaire de {{by}}',
    import_finished: 'Import terminé ({{programme}}) : {{file}}',
    export_finished: 'Export prêt ({{programme}}) : {{file}}',
  },
  body: {
    reason: 'Motif : {{reason}}',
    openComments_one: 'Un commentaire à traiter :',
    openComments_other: '{{count}} commentaires à traiter :',
    comment: '« {{body}} »',
    recipientDonor: 'Pour : {{donor}}',
  },
  mail: {
    open: 'Ouvrir dans Jalon : {{url}}',
    footer:
      'Vous recevez ce message parce que vous suivez ce programme dans Jalon. Vos préférences : {{url}}',
    digestSubject_one: 'Jalon : une notification du jour',
    digestSubject_other: 'Jalon : {{count}} notifications du jour',
    digestIntro: 'Voici ce qui s’est passé depuis votre dernier récapitulatif :',
  },
  log: {
    emailOff:
      'E-mail désactivé : JALON_SMTP_URL et JALON_MAIL_FROM ne sont pas définis ; les notifications restent dans Jalon.',
    emailOn: 'E-mail : envoi par {{host}} depuis {{from}}',
  },
};
