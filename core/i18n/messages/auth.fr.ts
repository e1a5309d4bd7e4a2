/** Sign-in and the account menu. */
export const authFr = {
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  title: 'Connexion à Jalon',
  intro:
    'Connectez-vous pour saisir des données, rédiger les rapports et voir les brouillons de vos programmes. Le portefeuille reste consultable sans compte.',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  signedInAs: 'Connecté·e : {{name}}',
  roles: { admin: 'administration', secretariat: 'secrétariat du Fonds', member: 'membre' },
  mustChange: 'Votre mot de passe a été réinitialisé : changez-le dès maintenant.',
  forgotten: "Mot de passe oublié ? Demandez à l'administration de Jalon de le réinitialiser.",
  needSignIn: 'Connectez-vous pour voir cette page.',
};
