import type { ServerCatalogue } from '../server-fr.js';

/** The accountRules sentences in English: typed against the French ones. */
export const accountRulesEn: ServerCatalogue['accountRules'] = {
  signIn: {
    lockedAfterFailures_one: 'Locked for {{count}} minute after {{attempts}} failed attempts.',
    lockedAfterFailures_other: 'Locked for {{count}} minutes after {{attempts}} failed attempts.',
    wrongPassword: 'The current password is wrong.',
    sameAsCurrent: 'The new password must differ from the current one.',
    changeAdministratorsPasswordFirst: 'The password set by an administrator must be changed first.',
  },
  administration: {
    emailAlreadyUsed: 'This address is already used by another account.',
    unknownProgramme: 'Unknown programme {{programme}}.',
    focalPointNeedsAgency: 'A focal point acts for an agency: name it.',
    unknownOrganisation: 'Unknown organisation {{organisation}}.',
  },
  audit: {
    wholeTrailForAdministrators: 'Only administrators read the whole trail: choose a programme.',
    programmeRequired: 'required unless you are an administrator',
    notAMember: 'You are not a member of this programme.',
  },
};
