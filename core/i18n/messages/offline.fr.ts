/** The banner shown when the page shows data saved on this device (service worker, web/sw/). */
export const offlineFr = {
  banner: 'Hors ligne — données enregistrées le {{date}}',
  detail:
    'Vous consultez les données enregistrées sur cet appareil lors de votre dernière connexion : elles ont pu changer depuis, et rien ne peut être modifié hors ligne.',
  retry: 'Réessayer',
};
