import { z } from 'zod';
import { date, dateTime, decimal, identifier, integer, text } from '../lenient.js';
import { lowerCaseKeys } from './keys.js';

/** get-client reply (factorcloud.md §4.3); also what create-client is expected to echo. */

export const CLIENT_TYPES = ['CARRIER', 'BROKER'] as const;
export type ClientTypeValue = (typeof CLIENT_TYPES)[number];
/** Client `Type` codes (§3): `0` carrier, `1` broker. */
export const CLIENT_TYPE_CODES: Record<ClientTypeValue, '0' | '1'> = { CARRIER: '0', BROKER: '1' };
const CLIENT_TYPE_BY_CODE: Record<string, ClientTypeValue> = { '0': 'CARRIER', '1': 'BROKER' };
const clientType = text.transform((value, ctx) => {
  if (value === null) return null;
  const type = CLIENT_TYPE_BY_CODE[value.trim()];
  if (type) return type;
  ctx.addIssue({ code: 'custom', message: 'expected client Type 0 (carrier) or 1 (broker)' });
  return z.NEVER;
});

/** Industry names in code order: `Industry` 1 is TRANSPORTATION … 5 is GENERAL (§3). */
export const INDUSTRIES = ['TRANSPORTATION', 'CONSTRUCTION', 'STAFFING', 'OIL_AND_GAS', 'GENERAL'] as const;
const industry = integer.transform((value, ctx) => {
  if (value === null) return null;
  const name = INDUSTRIES[value - 1];
  if (name) return name;
  ctx.addIssue({ code: 'custom', message: 'expected Industry 1 to 5' });
  return z.NEVER;
});

/**
 * The UCC dates are "Timestamp Without Time Zone" (§4.3): ISO or Postgres text
 * (`2024-01-15 00:00:00`) is kept as a timestamp; a plain date in any format the other
 * FactorCloud dates use (`01-15-24`, `01/15/2024`) is read as that day.
 */
const timestamp = z.union([dateTime, date]);

export const CLIENT_KEYS = [
  'uuid',
  'clientkey',
  'name',
  'compcode',
  'address1',
  'address2',
  'city',
  'state',
  'zipcode',
  'country',
  'phone',
  'phonealt',
  'fax',
  'email',
  'uccdate',
  'uccdate2',
  'uccsigneddate',
  'type',
  'industry',
  'altname',
  'ediid',
  'fedtaxnum',
  'dunsnum',
  'mcnumber',
  'dotnumber',
  'creditlimit',
] as const;

export const clientSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      uuid: text,
      clientkey: identifier,
      name: text,
      compcode: text,
      address1: text,
      address2: text,
      city: text,
      state: text,
      zipcode: text,
      country: text,
      phone: text,
      phonealt: text,
      fax: text,
      email: text,
      uccdate: timestamp,
      uccdate2: timestamp,
      uccsigneddate: timestamp,
      type: clientType,
      industry,
      altname: text,
      ediid: text,
      fedtaxnum: text,
      dunsnum: text,
      mcnumber: text,
      dotnumber: text,
      creditlimit: decimal,
    })
    .transform((c) => ({
      uuid: c.uuid,
      clientKey: c.clientkey,
      name: c.name,
      compCode: c.compcode,
      address1: c.address1,
      address2: c.address2,
      city: c.city,
      state: c.state,
      zipCode: c.zipcode,
      country: c.country,
      phone: c.phone,
      phoneAlt: c.phonealt,
      fax: c.fax,
      email: c.email,
      uccDate: c.uccdate,
      uccDate2: c.uccdate2,
      uccSignedDate: c.uccsigneddate,
      type: c.type,
      industry: c.industry,
      altName: c.altname,
      ediId: c.ediid,
      fedTaxNum: c.fedtaxnum,
      dunsNum: c.dunsnum,
      mcNumber: c.mcnumber,
      dotNumber: c.dotnumber,
      creditLimit: c.creditlimit,
    })),
);

export type IndustryValue = (typeof INDUSTRIES)[number];
export type ClientReply = z.output<typeof clientSchema>;
