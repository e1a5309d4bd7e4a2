// The fields every finance contract shares: amounts and currencies as people type them, dates, years, codes.
//
// Amounts are written as numbers or as text the way people type them (`1 026 157,82`, `$1,072,749.17`, `7 900`):
// the server parses the text and refuses, naming the line and the field, what does not parse. Every amount is
// kept in USD; an amount in another currency keeps its original amount, currency and rate
// (1 USD = `exchangeRate` units of the currency, as the UN operational rates of exchange are written).
import { z } from 'zod';

export const isoDate = z.iso.date();

/** An amount: a number, or text as typed (`1 026 157,82`); parsed and checked by the server. */
export const moneyInput = z
  .union([z.number().finite(), z.string().max(40)])
  .meta({ id: 'MoneyInput', description: 'a number, or text as typed: "1 026 157,82", "$1,072,749.17"' });
export type MoneyInput = z.infer<typeof moneyInput>;

/** A currency as people write it: an ISO 4217 code (`USD`, `EUR`, `DKK`, `XOF`) or `FCFA`. */
export const currencyInput = z.string().trim().min(1).max(10);

/** a year as a key of amounts by year */
export const yearKey = z.string().regex(/^(19|20|21)\d{2}$/, 'a year, e.g. 2023');
/** a budget line's code */
export const lineCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore, e.g. 2.1.3-b');
/** a work-plan activity's code */
export const activityCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore, e.g. 2.1.3');
/** an outcome's or output's code */
export const resultCode = z.string().trim().min(1).max(20);
