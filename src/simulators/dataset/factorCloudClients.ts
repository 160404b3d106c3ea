import type { Random } from '../random.js';
import { addDays, timestampWithoutZone } from './calendar.js';
import { centsToAmount } from './money.js';
import type { FactorCloudClient, IsoDate } from './types.js';

/**
 * The factor's clients: US companies of the kinds FactorCloud serves (factorcloud.md §3 lists
 * trucking carriers and brokers, construction, staffing, oil & gas). Names and places are fixed so
 * the data reads like a real portfolio; numbers and dates come from the seeded stream.
 */
interface ClientProfile {
  name: string;
  altName: string | null;
  street: string;
  city: string;
  state: string;
  zip: string;
  areaCode: string;
  domain: string;
  type: FactorCloudClient['Type'];
  industry: FactorCloudClient['Industry'];
}

// One client per line reads as a table, so prettier leaves it alone.
// prettier-ignore
const PROFILES: readonly ClientProfile[] = [
  { name: 'Bluegrass Freight Lines LLC', altName: null, street: 'Commerce Crossings Dr', city: 'Louisville', state: 'KY', zip: '40229', areaCode: '502', domain: 'bluegrassfreight.com', type: '0', industry: 1 },
  { name: 'Lone Star Haulers Inc', altName: 'LSH Logistics', street: 'E Loop 820 S', city: 'Fort Worth', state: 'TX', zip: '76112', areaCode: '817', domain: 'lonestarhaulers.com', type: '0', industry: 1 },
  { name: 'Summit Brokerage Group LLC', altName: null, street: 'W Hampden Ave', city: 'Englewood', state: 'CO', zip: '80110', areaCode: '303', domain: 'summitbrokerage.com', type: '1', industry: 1 },
  { name: 'Great Lakes Carrier Services Inc', altName: 'GLCS', street: 'S Cicero Ave', city: 'Chicago', state: 'IL', zip: '60638', areaCode: '773', domain: 'greatlakescarrier.com', type: '0', industry: 1 },
  { name: 'Peachtree Logistics Partners LLC', altName: null, street: 'Fulton Industrial Blvd SW', city: 'Atlanta', state: 'GA', zip: '30336', areaCode: '404', domain: 'peachtreelogistics.com', type: '1', industry: 1 },
  { name: 'Ironwood Construction Co', altName: 'Ironwood Builders', street: 'N 7th St', city: 'Phoenix', state: 'AZ', zip: '85006', areaCode: '602', domain: 'ironwoodconstruction.com', type: '0', industry: 2 },
  { name: 'Cascade Concrete & Paving LLC', altName: null, street: 'NE Columbia Blvd', city: 'Portland', state: 'OR', zip: '97211', areaCode: '503', domain: 'cascadeconcrete.com', type: '0', industry: 2 },
  { name: 'Keystone Staffing Solutions Inc', altName: 'Keystone Temps', street: 'Market St', city: 'Harrisburg', state: 'PA', zip: '17101', areaCode: '717', domain: 'keystonestaffing.com', type: '0', industry: 3 },
  { name: 'Bayou Workforce Services LLC', altName: null, street: 'Veterans Memorial Blvd', city: 'Metairie', state: 'LA', zip: '70005', areaCode: '504', domain: 'bayouworkforce.com', type: '0', industry: 3 },
  { name: 'Permian Basin Oilfield Services LLC', altName: 'PBOS', street: 'W Industrial Ave', city: 'Midland', state: 'TX', zip: '79701', areaCode: '432', domain: 'permianoilfield.com', type: '0', industry: 4 },
  { name: 'Red River Well Services Inc', altName: null, street: 'N Main St', city: 'Williston', state: 'ND', zip: '58801', areaCode: '701', domain: 'redriverwell.com', type: '0', industry: 4 },
  { name: 'Harbor Point Supply Co', altName: 'Harbor Point Distribution', street: 'Terminal Way', city: 'Savannah', state: 'GA', zip: '31408', areaCode: '912', domain: 'harborpointsupply.com', type: '0', industry: 5 },
];

/** Client keys are `CL-1001`, `CL-1002`, … (simulator-defined; the docs leave the form to callers). */
export function clientKey(index: number): string {
  return `CL-${1001 + index}`;
}

export function buildClients(random: Random, today: IsoDate): FactorCloudClient[] {
  return PROFILES.map((profile, index) => buildClient(random, profile, index, today));
}

function buildClient(
  random: Random,
  profile: ClientProfile,
  index: number,
  today: IsoDate,
): FactorCloudClient {
  const phone = (): string =>
    `${profile.areaCode}-${random.int(200, 999)}-${String(random.int(0, 9999)).padStart(4, '0')}`;
  const isTransport = profile.industry === 1;
  // UCC-1 filings lapse after five years unless continued, so clients onboarded earlier than
  // that carry a continuation filing in UccDate2. A few new clients have no filing yet.
  const signedOn = addDays(today, -random.int(120, 3000));
  const hasFiling = index % 6 !== 5;
  const filedOn = addDays(signedOn, random.int(1, 6));
  const continuedOn = addDays(filedOn, 5 * 365 - random.int(30, 150));
  return {
    UUID: uuidV4(random),
    ClientKey: clientKey(index),
    Name: profile.name,
    CompCode:
      profile.name
        .replace(/[^A-Z]/g, '')
        .slice(0, 4)
        .padEnd(4, 'X') + String(index + 1).padStart(2, '0'),
    Address1: `${random.int(100, 9899)} ${profile.street}`,
    Address2: random.chance(0.35) ? `Suite ${random.int(100, 450)}` : null,
    City: profile.city,
    State: profile.state,
    ZipCode: profile.zip,
    Country: 'USA',
    Phone: phone(),
    PhoneAlt: random.chance(0.5) ? phone() : null,
    Fax: random.chance(0.4) ? phone() : null,
    Email: `${random.pick(['ar', 'billing', 'accounting', 'office'])}@${profile.domain}`,
    UccDate: hasFiling ? timestampWithoutZone(random, filedOn) : null,
    UccDate2: hasFiling && continuedOn <= today ? timestampWithoutZone(random, continuedOn) : null,
    UccSignedDate: timestampWithoutZone(random, signedOn),
    Type: profile.type,
    Industry: profile.industry,
    AltName: profile.altName,
    EdiID:
      isTransport && random.chance(0.6)
        ? `${profile.name.slice(0, 4).toUpperCase()}${random.int(100, 999)}`
        : null,
    FedTaxNum: `${random.int(20, 88)}-${random.int(1_000_000, 9_999_999)}`,
    DunsNum: random.chance(0.75) ? String(random.int(100_000_000, 999_999_999)) : null,
    MCNumber: isTransport ? `MC-${random.int(300_000, 1_400_000)}` : null,
    DOTNumber: isTransport ? String(random.int(1_000_000, 3_900_000)) : null,
    CreditLimit: centsToAmount(random.int(5, 60) * 2_500_000),
  };
}

/** A random (version 4) UUID from the seeded stream, so it is stable across runs. */
function uuidV4(random: Random): string {
  const hex = (n: number): string => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}
