/**
 * Code lists for Confirma's "Data validation" rules (confirma.md §3.1). Embedded rather than read
 * from `Intl` so what the simulator accepts does not depend on the Node binary's ICU build. The
 * simulator keeps its own copy (it stands in for an outside system, see dataset/calendar.ts).
 */

const codes = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/**
 * ISO 4217 currencies a payment can be made in. Docs say only "ISO 4217"; the simulator leaves
 * out the codes no invoice can be paid in (precious metals XAU/XAG/XPD/XPT, the XTS test code,
 * XXX "no currency", the XB* bond units, XDR/XSU/XUA and the fund codes such as BOV, CHE, CLF).
 */
export const CURRENCY_CODES = codes(`
  AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
  BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
  GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
  KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN
  NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
  SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU
  UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL`);

/** ISO 3166-1 alpha-2 country codes (249). */
export const COUNTRY_CODES = codes(`
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
  BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
  EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
  HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
  LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
  TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`);

/**
 * ISO 639-1 language codes (184) in upper case, plus `DK`: the docs list "FI, SV, NO, DK, EN"
 * (confirma.md §3.1) although Danish is `DA` in ISO 639-1, so a client copying the docs would
 * send `DK`. The simulator accepts both spellings rather than refuse the docs' own value.
 */
export const LANGUAGE_CODES = codes(`
  AA AB AE AF AK AM AN AR AS AV AY AZ BA BE BG BH BI BM BN BO BR BS CA CE CH CO CR CS CU CV CY DA
  DE DV DZ EE EL EN EO ES ET EU FA FF FI FJ FO FR FY GA GD GL GN GU GV HA HE HI HO HR HT HU HY HZ
  IA ID IE IG II IK IO IS IT IU JA JV KA KG KI KJ KK KL KM KN KO KR KS KU KV KW KY LA LB LG LI LN
  LO LT LU LV MG MH MI MK ML MN MR MS MT MY NA NB ND NE NG NL NN NO NR NV NY OC OJ OM OR OS PA PI
  PL PS PT QU RM RN RO RU RW SA SC SD SE SG SI SK SL SM SN SO SQ SR SS ST SU SV SW TA TE TG TH TI
  TK TL TN TO TR TS TT TW TY UG UK UR UZ VE VI VO WA WO XH YI YO ZA ZH ZU DK`);

/**
 * Postal code shapes for the countries Confirma serves. Docs: "validated against the postal
 * country" (§3.1) without the rules; the simulator checks the four Nordic formats and, for other
 * countries, only that the code is 2–10 letters, digits, spaces or hyphens.
 */
const POSTAL_CODE_FORMATS: Readonly<Record<string, { pattern: RegExp; example: string }>> = {
  FI: { pattern: /^\d{5}$/, example: '00100' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '114 55' },
  NO: { pattern: /^\d{4}$/, example: '0150' },
  DK: { pattern: /^\d{4}$/, example: '1050' },
};
const ANY_POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]$/;

/** The problem with `postalCode` in `countryCode`, or `undefined` when it fits. */
export function postalCodeProblem(countryCode: string, postalCode: string): string | undefined {
  const format = POSTAL_CODE_FORMATS[countryCode];
  if (format) {
    return format.pattern.test(postalCode)
      ? undefined
      : `is not a valid ${countryCode} postal code (e.g. ${format.example})`;
  }
  return ANY_POSTAL_CODE.test(postalCode) ? undefined : 'is not a valid postal code';
}
