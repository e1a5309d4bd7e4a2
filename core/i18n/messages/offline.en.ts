import type { offlineFr } from './offline.fr.js';

/** The banner shown when the page shows data saved on this device (service worker, web/sw/). */
export const offlineEn: typeof offlineFr = {
  banner: 'Offline — data saved on {{date}}',
  detail:
    'You are reading the data saved on this device when you were last online: they may have changed since, and nothing can be changed offline.',
  retry: 'Try again',
};
