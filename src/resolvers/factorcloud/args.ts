import { badUserInput } from '../../errors.js';

const MAX_KEY_LENGTH = 255;

/**
 * A FactorCloud key argument is passed on as given (trimmed); only what cannot be a key at all
 * (empty, absurdly long, control characters) is refused before any call. Anything else
 * FactorCloud does not know simply yields null.
 */
export function checkKey(value: string, argument: string): string {
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || trimmed.length > MAX_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw badUserInput(
      `${argument} must be a non-empty key of at most ${MAX_KEY_LENGTH} printable characters`,
      argument,
    );
  }
  return trimmed;
}
