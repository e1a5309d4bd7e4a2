/**
 * Lengths the contracts accept, as plain numbers: the Zod schemas are built from them, and the web's forms
 * read them (`maxLength`) without pulling Zod into the browser. Characters as JavaScript counts them (UTF-16
 * code units), which is what both `z.string().max()` and an input's `maxLength` count.
 */

/** a person's name on an account (`userCreate`, `userPatch`) */
export const personNameMax = 200;
/** an activity's title, in each language (`activityCreate`, `activityPatch`) */
export const activityTitleMax = 300;
/** a comment on a report (`commentCreate`) */
export const reportCommentMax = 4000;
/** why a period is closed or reopened (`closedPeriodCreate`, `closedPeriodReopen`) */
export const closedPeriodReasonMax = 2000;
/** why a report is sent back or reopened (`reportTransition`) */
export const reportTransitionReasonMax = 2000;
/** why an indicator's value of record changes (`indicatorValueWrite`) */
export const indicatorValueReasonMax = 2000;
/** an indicator's code, as documents, imports and the API write it (`indicatorFields`) */
export const indicatorCodeMax = 20;
/** what an indicator counts: "personnes", "communes"… (`indicatorFields`) */
export const indicatorUnitMax = 60;
/** one source of an indicator's data (`indicatorFields`) */
export const indicatorSourceMax = 300;
/** an indicator's notes, as the API writes them (`indicatorWrite`) */
export const indicatorNotesMax = 2000;

/**
 * How many activities' shares an indicator's data lists unless asked for more (`?contributions=`): a small
 * programme's all of them, a big one's in pieces (the page asks for more).
 */
export const contributionsShown = 500;
