import type { Random } from '../random.js';
import { amountToCents, centsToAmount, percentOf } from './money.js';
import {
  linkKey,
  type FactorCloudDebtor,
  type FactorCloudDebtorEntry,
  type FactorCloudInvoiceEntry,
  type FactorCloudReplyStyle,
} from './types.js';

/**
 * The debtors behind the seeded invoices (keys `DB-2001` … `DB-2018`, see factorCloudInvoices.ts):
 * one master record each (factorcloud.md §5.6, §5.8) and one sub-debtor per client that has
 * invoices on it, so get-client-debtor, get-debtor-master and create-sched agree with the seed.
 */
interface DebtorProfile {
  name: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  areaCode: string;
  domain: string;
}

// One debtor per line reads as a table, so prettier leaves it alone.
// prettier-ignore
const PROFILES: readonly DebtorProfile[] = [
  { name: 'Midwest Grocers Cooperative', street: 'Industrial Pkwy', city: 'Columbus', state: 'OH', zip: '43228', areaCode: '614', domain: 'midwestgrocers.com' },
  { name: 'Atlas Home Centers Inc', street: 'Distribution Dr', city: 'Memphis', state: 'TN', zip: '38118', areaCode: '901', domain: 'atlashomecenters.com' },
  { name: 'Sunbelt Beverage Distributors LLC', street: 'N Loop W', city: 'Houston', state: 'TX', zip: '77008', areaCode: '713', domain: 'sunbeltbev.com' },
  { name: 'Prairie Farms Supply Co', street: 'County Road 6', city: 'Des Moines', state: 'IA', zip: '50313', areaCode: '515', domain: 'prairiefarmssupply.com' },
  { name: 'Coastal Paper Products Inc', street: 'Harbor Blvd', city: 'Long Beach', state: 'CA', zip: '90813', areaCode: '562', domain: 'coastalpaper.com' },
  { name: 'Granite State Building Supply', street: 'Elm St', city: 'Manchester', state: 'NH', zip: '03101', areaCode: '603', domain: 'granitestatebuilding.com' },
  { name: 'Heartland Steel Fabricators LLC', street: 'W 21st St N', city: 'Wichita', state: 'KS', zip: '67203', areaCode: '316', domain: 'heartlandsteel.com' },
  { name: 'Blue Ridge Medical Supply Inc', street: 'Peters Creek Rd', city: 'Roanoke', state: 'VA', zip: '24017', areaCode: '540', domain: 'blueridgemedical.com' },
  { name: 'Tri-State Auto Parts Wholesale', street: 'Bigelow Blvd', city: 'Pittsburgh', state: 'PA', zip: '15213', areaCode: '412', domain: 'tristateautoparts.com' },
  { name: 'Desert Sun Produce LLC', street: 'S 35th Ave', city: 'Phoenix', state: 'AZ', zip: '85009', areaCode: '602', domain: 'desertsunproduce.com' },
  { name: 'Northwoods Lumber Company', street: 'Highway 51 N', city: 'Wausau', state: 'WI', zip: '54401', areaCode: '715', domain: 'northwoodslumber.com' },
  { name: 'Gulf Coast Chemical Corp', street: 'Bayport Blvd', city: 'Pasadena', state: 'TX', zip: '77507', areaCode: '281', domain: 'gulfcoastchem.com' },
  { name: 'Evergreen Retail Holdings Inc', street: 'Pacific Hwy S', city: 'Kent', state: 'WA', zip: '98032', areaCode: '253', domain: 'evergreenretail.com' },
  { name: 'Magnolia Packaging Group', street: 'Airways Blvd', city: 'Jackson', state: 'MS', zip: '39208', areaCode: '601', domain: 'magnoliapackaging.com' },
  { name: 'Front Range Energy Partners', street: 'Blake St', city: 'Denver', state: 'CO', zip: '80202', areaCode: '720', domain: 'frontrangeenergy.com' },
  { name: 'Empire Foodservice Corp', street: 'Hunts Point Ave', city: 'Bronx', state: 'NY', zip: '10474', areaCode: '718', domain: 'empirefoodservice.com' },
  { name: 'Bayside Hospital Group', street: 'N Dale Mabry Hwy', city: 'Tampa', state: 'FL', zip: '33607', areaCode: '813', domain: 'baysidehospitals.org' },
  { name: 'Lakeshore Appliance Outlet LLC', street: 'Plainfield Ave NE', city: 'Grand Rapids', state: 'MI', zip: '49505', areaCode: '616', domain: 'lakeshoreappliance.com' },
];

/** The debtor whose account the factor has put on no-buy (`BuyStatus` true, §4.2). */
const NO_BUY_DEBTOR = 'DB-2017';

export function debtorKey(index: number): string {
  return `DB-${2001 + index}`;
}

/**
 * A company code from a name: its first four capitals (padded with `X`) and the lowest two-digit
 * suffix that is not taken. The docs say a missing or duplicate CompCode is generated (§2) and
 * leave the form open; this mirrors the seeded clients' codes.
 */
export function compCodeFor(name: string, taken: (code: string) => boolean): string {
  const stem = name
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 4)
    .padEnd(4, 'X');
  for (let n = 1; ; n += 1) {
    const code = `${stem}${String(n).padStart(2, '0')}`;
    if (!taken(code)) return code;
  }
}

/** Master debtors by key, and sub-debtors for every client/debtor pair the invoices use. */
export function buildDebtors(
  random: Random,
  invoices: ReadonlyMap<string, FactorCloudInvoiceEntry>,
  chooseStyle: (random: Random) => FactorCloudReplyStyle,
): { masters: Map<string, FactorCloudDebtorEntry>; links: Map<string, FactorCloudDebtorEntry> } {
  const masters = new Map<string, FactorCloudDebtorEntry>();
  const codes = new Set<string>();
  PROFILES.forEach((profile, index) => {
    const debtor = buildMaster(
      random,
      profile,
      debtorKey(index),
      compCodeFor(profile.name, (c) => codes.has(c)),
    );
    codes.add(debtor.CompCode);
    masters.set(debtor.DebtorKey, { replyStyle: chooseStyle(random), debtor });
  });
  const pairs = [...invoices.values()]
    .map(({ invoice }) => [invoice.ClientKey, invoice.DebtorKey] as const)
    .sort(([a1, b1], [a2, b2]) => a1.localeCompare(a2) || b1.localeCompare(b2));
  const links = new Map<string, FactorCloudDebtorEntry>();
  for (const [clientKey, key] of pairs) {
    const master = masters.get(key);
    if (!master || links.has(linkKey(clientKey, key))) continue;
    // A client's own credit line on a debtor is a share of the factor's limit for that debtor.
    const limitCents = percentOf(amountToCents(master.debtor.CreditLimit ?? '0.00'), random.int(20, 60));
    const debtor: FactorCloudDebtor = {
      ...master.debtor,
      ClientKey: clientKey,
      CreditLimit: centsToAmount(limitCents - (limitCents % 100_000)),
      Notes: random.chance(0.2) ? 'Verify loads over $5,000 with AP before funding' : master.debtor.Notes,
    };
    links.set(linkKey(clientKey, key), { replyStyle: chooseStyle(random), debtor });
  }
  return { masters, links };
}

function buildMaster(
  random: Random,
  profile: DebtorProfile,
  key: string,
  compCode: string,
): FactorCloudDebtor {
  const phone = (): string =>
    `${profile.areaCode}-${random.int(200, 999)}-${String(random.int(0, 9999)).padStart(4, '0')}`;
  return {
    ClientKey: null,
    DebtorKey: key,
    CompCode: compCode,
    Name: profile.name,
    Address1: `${random.int(100, 9899)} ${profile.street}`,
    Address2: random.chance(0.25) ? `Dock ${random.int(1, 40)}` : null,
    City: profile.city,
    State: profile.state,
    ZipCode: profile.zip,
    Country: 'USA',
    Phone: phone(),
    Fax: random.chance(0.4) ? phone() : null,
    Email: `${random.pick(['ap', 'payables', 'accountspayable'])}@${profile.domain}`,
    // Debtors are shippers and buyers, not carriers: they hold no MC or DOT number.
    MCNumber: null,
    DOTNumber: null,
    Notes: key === NO_BUY_DEBTOR ? 'No-buy: slow pay over 90 days' : null,
    CreditLimit: centsToAmount(random.int(10, 40) * 2_500_000),
    BuyStatus: key === NO_BUY_DEBTOR,
  };
}
