import { z } from 'zod';
import { boolean, decimal, identifier, text } from '../lenient.js';
import { coded, readCode } from './codes.js';
import { lowerCaseKeys } from './keys.js';

/** Debtor and vendor `Country` (§3): `USA`, `MEX`, `CAN`. */
export const DEBTOR_COUNTRIES = ['USA', 'MEX', 'CAN'] as const;
export type DebtorCountryValue = (typeof DEBTOR_COUNTRIES)[number];
const COUNTRY_BY_CODE: Record<string, DebtorCountryValue> = { USA: 'USA', MEX: 'MEX', CAN: 'CAN' };

/** A country as sent in a write, read as an echo would be. */
export const readCountry = (raw: string | null) => readCode(COUNTRY_BY_CODE, raw);

/**
 * The debtor read object (factorcloud.md §4.2), returned by get-client-debtor (a client's
 * sub-debtor) and get-debtor-master (the master debtor), and expected as the create-debtor and
 * create-vendor echo. Keys are read lower-cased, so `ZipCode`/`Zipcode` and
 * `MCNumber`/`McNumber` (input spelling, §6.2) land on one field.
 */

export const DEBTOR_KEYS = [
  'clientkey',
  'debtorkey',
  'vendorkey',
  'compcode',
  'name',
  'address1',
  'address2',
  'city',
  'state',
  'zipcode',
  'country',
  'phone',
  'fax',
  'email',
  'mcnumber',
  'dotnumber',
  'notes',
  'creditlimit',
  'buystatus',
] as const;

const debtorFields = {
  clientkey: identifier,
  debtorkey: identifier,
  // create-vendor sends the vendor key as DebtorKey (§5.13); an echo may call it either.
  vendorkey: identifier,
  compcode: text,
  name: text,
  address1: text,
  address2: text,
  city: text,
  state: text,
  zipcode: text,
  country: coded(COUNTRY_BY_CODE),
  phone: text,
  fax: text,
  email: text,
  mcnumber: text,
  dotnumber: text,
  notes: text,
  creditlimit: decimal,
  buystatus: boolean,
};

type DebtorFields = z.output<z.ZodObject<typeof debtorFields>>;

function contactOf(d: DebtorFields) {
  return {
    compCode: d.compcode,
    name: d.name,
    address1: d.address1,
    address2: d.address2,
    city: d.city,
    state: d.state,
    zipCode: d.zipcode,
    country: d.country.value,
    countryRaw: d.country.raw,
    phone: d.phone,
    fax: d.fax,
    email: d.email,
    mcNumber: d.mcnumber,
    dotNumber: d.dotnumber,
    notes: d.notes,
  };
}

export const debtorSchema = z.preprocess(
  lowerCaseKeys,
  z.object(debtorFields).transform((d) => ({
    clientKey: d.clientkey,
    debtorKey: d.debtorkey,
    ...contactOf(d),
    creditLimit: d.creditlimit,
    buyStatus: d.buystatus,
  })),
);

export type DebtorReply = z.output<typeof debtorSchema>;

/** The create-vendor echo: the debtor object with the vendor key in `DebtorKey` or `VendorKey`. */
export const vendorSchema = z.preprocess(
  lowerCaseKeys,
  z.object(debtorFields).transform((d) => ({
    clientKey: d.clientkey,
    vendorKey: d.vendorkey ?? d.debtorkey,
    ...contactOf(d),
  })),
);

export type VendorReply = z.output<typeof vendorSchema>;
