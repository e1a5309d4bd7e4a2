// Catalytic funding: non-PBF money a programme obtained (funder, amount, date), read and written.
import { z } from 'zod';
import { organisationRef, uuid } from '../programme-api.js';
import { orgCode } from '../programme-document.js';
import { currencyInput, isoDate, moneyInput } from './fields.js';

export const catalyticFunding = z
  .object({
    id: uuid,
    donor: organisationRef.nullable(),
    /** the funder's name as written, when it is not an organisation Jalon knows */
    donorName: z.string(),
    /** in USD */
    amount: z.number(),
    originalAmount: z.number().nullable(),
    originalCurrency: z.string().nullable(),
    exchangeRate: z.number().nullable(),
    date: isoDate,
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CatalyticFunding' });
export type CatalyticFunding = z.infer<typeof catalyticFunding>;

const catalyticFields = {
  /** an organisation's code (`NETHERLANDS`), or leave empty and give `donorName` */
  donor: orgCode.nullable(),
  donorName: z.string().trim().min(1).max(200).nullable(),
  amount: moneyInput,
  currency: currencyInput,
  exchangeRate: moneyInput.nullable(),
  date: isoDate,
  note: z.string().max(500).nullable(),
};
export const catalyticFundingCreate = z
  .object(catalyticFields)
  .partial()
  .required({ amount: true, date: true })
  .strict()
  .meta({ id: 'CatalyticFundingCreate' });
export type CatalyticFundingCreate = z.infer<typeof catalyticFundingCreate>;
export const catalyticFundingPatch = z
  .object(catalyticFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'CatalyticFundingPatch' });
export type CatalyticFundingPatch = z.infer<typeof catalyticFundingPatch>;
