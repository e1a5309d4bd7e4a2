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
