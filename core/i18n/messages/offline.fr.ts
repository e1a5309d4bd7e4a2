/**
 * The banner shown when the page shows data saved on this device (service worker, web/sw/), and the outbox of
 * the activities recorded on this device until the server holds them (web/lib/outbox.ts).
 */
export const offlineFr = {
  banner: 'Hors ligne — données enregistrées le {{date}}',
  detail:
    'Vous consultez les données enregistrées sur cet appareil lors de votre dernière connexion : elles ont pu changer depuis. Les activités que vous saisissez attendent l’envoi sur cet appareil.',
  retry: 'Réessayer',
  outbox: {
    link: 'Envoi',
    pending_one: '{{count}} activité en attente d’envoi',
    pending_other: '{{count}} activités en attente d’envoi',
    refused_one: '{{count}} refusée, à corriger',
    refused_other: '{{count}} refusées, à corriger',
    signedOut:
      'Votre session a expiré : connectez-vous pour envoyer les activités en attente. Elles restent sur cet appareil.',
    signIn: 'Se connecter',
    title: 'Activités en attente d’envoi',
    intro:
      'Enregistrées sur cet appareil, elles partent dès que la connexion revient, même si vous fermez le navigateur. Celles que le serveur refuse restent ici avec sa raison : corrigez-les ou abandonnez-les.',
    empty: 'Rien en attente : tout a été envoyé.',
    sendNow: 'Envoyer maintenant',
    waiting: 'En attente d’envoi',
    photosLeft: 'Activité envoyée, photos en attente',
    refused: 'Refusée par le serveur',
    photos_one: '{{count}} photo',
    photos_other: '{{count}} photos',
    participants_one: '{{count}} participant',
    participants_other: '{{count}} participants',
    recordedOn: 'Saisie le {{date}}',
    correct: 'Corriger',
    discard: 'Abandonner',
    discardConfirm:
      'Abandonner cette activité ? Elle sera effacée de cet appareil et ne sera jamais envoyée.',
    savedOffline: 'Activité enregistrée sur cet appareil : elle sera envoyée dès que la connexion reviendra.',
    refusedNow:
      'Le serveur a refusé cette activité ; elle reste sur cet appareil. Corrigez-la puis enregistrez de nouveau, ou abandonnez-la.',
    changeRefusedNow:
      'Le serveur a refusé cette modification ; elle reste sur cet appareil, rien n’a été écrasé.',
    conflictHint: 'Comparez votre version et la sienne, puis choisissez.',
    change: 'Modification',
    conflict: 'En conflit',
    correctTitle: 'Corriger une activité en attente',
    notFound: 'Cette activité n’est plus dans la boîte d’envoi : elle a été envoyée ou abandonnée.',
  },
};
