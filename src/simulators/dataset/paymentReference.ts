/**
 * The structured payment reference a debtor pays an invoice with. Confirma's examples show RF
 * creditor references (`RF71234567890123456789`, confirma.md §4.9), so the simulator builds a
 * valid one from the invoice number: Finnish national reference (7-3-1 check digit), then the
 * ISO 11649 `RF` wrapper (mod 97 check digits). Valid check digits keep client-side validation
 * honest.
 */
export function rfReference(invoiceNumber: number): string {
  const national = finnishReference(String(invoiceNumber));
  // ISO 11649: append "RF00" as digits (R = 27, F = 15), take mod 97, check = 98 - remainder.
  const remainder = BigInt(`${national}271500`) % 97n;
  const check = String(98n - remainder).padStart(2, '0');
  return `RF${check}${national}`;
}

function finnishReference(base: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < base.length; i += 1) {
    const digit = Number(base[base.length - 1 - i]);
    sum += digit * (weights[i % 3] ?? 1);
  }
  return `${base}${(10 - (sum % 10)) % 10}`;
}
