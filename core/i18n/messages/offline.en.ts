import type { offlineFr } from './offline.fr.js';

/**
 * The banner shown when the page shows data saved on this device (service worker, web/sw/), and the outbox of
 * the activities recorded on this device until the server holds them (web/lib/outbox.ts).
 */
export const offlineEn: typeof offlineFr = {
  banner: 'Offline — data saved on {{date}}',
  detail:
    'You are reading the data saved on this device when you were last online: they may have changed since. Activities you record wait on this device to be sent.',
  retry: 'Try again',
  outbox: {
    link: 'Outbox',
    pending_one: '{{count}} activity waiting to be sent',
    pending_other: '{{count}} activities waiting to be sent',
    refused_one: '{{count}} refused, to correct',
    refused_other: '{{count}} refused, to correct',
    signedOut: 'Your session has expired: sign in to send the activities waiting. They stay on this device.',
    signIn: 'Sign in',
    title: 'Activities waiting to be sent',
    intro:
      'Saved on this device, they are sent as soon as the connection returns, even if you close the browser. Those the server refuses stay here with its reason: correct them or discard them.',
    empty: 'Nothing waiting: everything has been sent.',
    sendNow: 'Send now',
    waiting: 'Waiting to be sent',
    photosLeft: 'Activity sent, photos waiting',
    refused: 'Refused by the server',
    photos_one: '{{count}} photo',
    photos_other: '{{count}} photos',
    participants_one: '{{count}} participant',
    participants_other: '{{count}} participants',
    recordedOn: 'Recorded on {{date}}',
    correct: 'Correct',
    discard: 'Discard',
    discardConfirm: 'Discard this activity? It will be erased from this device and never sent.',
    savedOffline: 'Activity saved on this device: it will be sent as soon as the connection returns.',
    refusedNow:
      'The server refused this activity; it stays on this device. Correct it and save again, or discard it.',
    changeRefusedNow: 'The server refused this change; it stays on this device, nothing was overwritten.',
    conflictHint: 'Compare your version with theirs, then choose.',
    change: 'Change',
    conflict: 'In conflict',
    correctTitle: 'Correct an activity waiting to be sent',
    notFound: 'This activity is no longer in the outbox: it was sent or discarded.',
  },
};
