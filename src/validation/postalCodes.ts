/**
 * Confirma validates postal codes "against the postal country" (confirma.md §3.1). The Nordic
 * formats its customers use are checked exactly; other countries only need a non-empty code.
 */
const FORMATS: Record<string, { pattern: RegExp; example: string }> = {
  FI: { pattern: /^\d{5}$/, example: '00100' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '111 22' },
  NO: { pattern: /^\d{4}$/, example: '0150' },
  DK: { pattern: /^\d{4}$/, example: '1050' },
};

/** `undefined` when the code fits the country, else what was expected. */
export function postalCodeProblem(postalCode: string, countryCode: string): string | undefined {
  const format = FORMATS[countryCode];
  if (!format || format.pattern.test(postalCode.trim())) return undefined;
  return `is not a postal code of ${countryCode} (expected e.g. ${format.example})`;
}
