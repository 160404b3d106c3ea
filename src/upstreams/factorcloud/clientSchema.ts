import { z } from 'zod';
import { date, decimal, identifier, text } from '../lenient.js';
import { coded } from './codes.js';
import { lowerCaseKeys } from './keys.js';

/** get-client reply (factorcloud.md §4.3); also what create-client is expected to echo. */

export const CLIENT_TYPES = ['CARRIER', 'BROKER'] as const;
export type ClientTypeValue = (typeof CLIENT_TYPES)[number];
/** Client `Type` codes (§3): `0` carrier, `1` broker. */
export const CLIENT_TYPE_CODES: Record<ClientTypeValue, '0' | '1'> = { CARRIER: '0', BROKER: '1' };
const CLIENT_TYPE_BY_CODE: Record<string, ClientTypeValue> = { '0': 'CARRIER', '1': 'BROKER' };
/** Client `Type` (§3); another value reads as UNKNOWN with its text kept. */
const clientType = coded(CLIENT_TYPE_BY_CODE);

/** Industry names in code order: `Industry` 1 is TRANSPORTATION … 5 is GENERAL (§3). */
export const INDUSTRIES = ['TRANSPORTATION', 'CONSTRUCTION', 'STAFFING', 'OIL_AND_GAS', 'GENERAL'] as const;
export type IndustryValue = (typeof INDUSTRIES)[number];
const INDUSTRY_BY_CODE: Record<string, IndustryValue> = Object.fromEntries(
  INDUSTRIES.map((name, index) => [String(index + 1), name]),
);
/** Client `Industry` 1–5 (§3), sent as an integer or its text; another value reads as UNKNOWN. */
const industry = coded(INDUSTRY_BY_CODE);

/**
 * The UCC dates are "Timestamp Without Time Zone" (§4.3), but a UCC filing or signing is a day:
 * ISO or Postgres text (`2024-01-15 00:00:00`) is read as the calendar day written in it (no
 * zone to convert from), and so is a plain date in the other FactorCloud formats (`01-15-24`).
 */
const timestamp = date;

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
      type: c.type.value,
      typeRaw: c.type.raw,
      industry: c.industry.value,
      industryRaw: c.industry.raw,
      altName: c.altname,
      ediId: c.ediid,
      fedTaxNum: c.fedtaxnum,
      dunsNum: c.dunsnum,
      mcNumber: c.mcnumber,
      dotNumber: c.dotnumber,
      creditLimit: c.creditlimit,
    })),
);

export type ClientReply = z.output<typeof clientSchema>;
