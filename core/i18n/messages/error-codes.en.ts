import type { Catalogue } from '../fr.js';

/** The errorCodes sentences in English: typed against the French ones. */
export const errorCodesEn: Catalogue['errorCodes'] = {
  validation_failed: 'Some values are invalid.',
  bad_request: 'The request is malformed.',
  unauthorized: 'Sign in to do this.',
  invalid_credentials: 'Wrong e-mail address or password.',
  forbidden: 'Your role does not allow this on this programme.',
  csrf_failed: 'The request does not come from Jalon (security token missing or stale). Reload the page.',
  password_change_required: 'First choose your own password (My account › Password).',
  account_locked: 'Too many failed sign-in attempts: the account is locked for a few minutes.',
  too_many_requests: 'Too many requests. Wait a minute before trying again.',
  not_found: 'This item does not exist.',
  conflict: 'This item already exists.',
  version_conflict: 'Someone else changed this item in the meantime. Reload to see their version.',
  locked: 'Locked: this cannot be changed at the moment.',
  payload_too_large: 'The content sent is too large.',
  unsupported_media_type: 'This content type is not accepted.',
  internal: 'An unexpected error occurred. It has been logged.',
  issues: {
    forbidden_key: 'A path or name cannot be “__proto__”, “constructor” or “prototype”.',
  },
  unreadableRequest: {
    emptyJsonBody: 'The body of the request is empty, though it is announced as JSON.',
    invalidJsonBody: 'The body of the request is not valid JSON.',
    invalidContentLength: 'The announced length (Content-Length) does not match the content sent.',
    other: 'The server could not read this request.',
    url: 'The address requested is malformed.',
  },
  acceptedText: {
    refusedCharacter:
      'This text contains an invisible character Jalon does not accept ({{character}}): remove it, or type the text again.',
  },
};
