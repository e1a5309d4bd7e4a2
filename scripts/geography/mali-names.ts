/**
 * The names of Mali's regions and cercles as French writes them (the boundary files spell them in plain ASCII,
 * "Segou", "Djenne", and the region of Koulikoro "Koulikouro"), and other names people use for them. Used once,
 * by `build-geography.ts`; the resolver finds every spelling with or without accents anyway.
 */

/** ADM1 shapeName → French name */
export const regionNames: Record<string, string> = {
  Bamako: 'Bamako',
  Gao: 'Gao',
  Kayes: 'Kayes',
  Kidal: 'Kidal',
  Koulikouro: 'Koulikoro',
  Mopti: 'Mopti',
  Segou: 'Ségou',
  Sikasso: 'Sikasso',
  Tombouctou: 'Tombouctou',
};

export const regionAliases: Record<string, string[]> = {
  Bamako: ['District de Bamako', 'Bamako District'],
  Koulikouro: ['Koulikouro'],
  Tombouctou: ['Timbuktu', 'Tombouctou'],
};

/** The region each cercle belongs to, as the administration lists them (used to check the derived parents). */
export const cerclesByRegion: Record<string, string[]> = {
  'ML-BKO': ['Bamako'],
  'ML-7': ['Ansongo', 'Bourem', 'Gao', 'Menaka'],
  'ML-1': ['Bafoulabe', 'Diema', 'Kayes', 'Kenieba', 'Kita', 'Nioro', 'Yelimane'],
  'ML-8': ['Abeibara', 'Kidal', 'Tessalit', 'Tin-Essako'],
  'ML-2': ['Banamba', 'Dioila', 'Kangaba', 'Kati', 'Kolokani', 'Koulikoro', 'Nara'],
  'ML-5': ['Bandiagara', 'Bankass', 'Djenne', 'Douentza', 'Koro', 'Mopti', 'Tenenkou', 'Youwarou'],
  'ML-4': ['Baroueli', 'Bla', 'Macina', 'Niono', 'San', 'Segou', 'Tominian'],
  'ML-3': ['Bougouni', 'Kadiolo', 'Kolondieba', 'Koutiala', 'Sikasso', 'Yanfolila', 'Yorosso'],
  'ML-6': ['Dire', 'Goundam', 'Gourma-Rharous', 'Niafunke', 'Tombouctou'],
};

/** ADM2 shapeName → French name, where it has accents or a longer official form */
export const cercleNames: Record<string, string> = {
  Menaka: 'Ménaka',
  Bafoulabe: 'Bafoulabé',
  Diema: 'Diéma',
  Kenieba: 'Kéniéba',
  Nioro: 'Nioro du Sahel',
  Yelimane: 'Yélimané',
  Abeibara: 'Abeïbara',
  Dioila: 'Dioïla',
  Djenne: 'Djenné',
  Tenenkou: 'Ténenkou',
  Baroueli: 'Barouéli',
  Segou: 'Ségou',
  Kolondieba: 'Kolondiéba',
  Dire: 'Diré',
  Niafunke: 'Niafunké',
};

export const cercleAliases: Record<string, string[]> = {
  Nioro: ['Nioro'],
  'Gourma-Rharous': ['Gourma Rharous', 'Rharous'],
  'Tin-Essako': ['Tinessako', 'Tin Essako'],
  Tombouctou: ['Timbuktu'],
  Bamako: ['District de Bamako'],
};

/**
 * ADM3 shapeName → French name, for the communes the documents name with accents (a commune named after its
 * cercle, `Segou Commune`, takes the cercle's spelling by itself).
 */
export const communeNames: Record<string, string> = {
  Groumera: 'Grouméra',
  Anderamboukane: 'Andéramboukane',
  'Kala Siguida': 'Kala-Siguida',
  Kendie: 'Kendié',
};

/** other names the documents use for a commune (PBF/MLI/A-1 writes "Kokri" for Kokry Centre, in Macina) */
export const communeAliases: Record<string, string[]> = {
  'Kokry Centre': ['Kokri', 'Kokry'],
};
