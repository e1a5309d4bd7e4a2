/** The closed lists of reports and their deadlines, as plain data (see programmes.ts). */
export const reportTypes = ['semi_annual', 'annual', 'final', 'quarterly'] as const;
export const reportStatuses = ['draft', 'submitted', 'approved'] as const;
export const deadlineRecipients = ['fund', 'donor', 'programme'] as const;
