import { describe, expect, it } from 'vitest';
import { renewReplySchema } from '../../src/upstreams/confirma/onboardingSchemas.js';

/** GET /renew 200 bodies (confirma.md §2.4: `{ "Message": "string" }` carries the new token). */
describe('renewReplySchema', () => {
  it.each([
    ['a plain alphabetic key', 'QwErTyUiOpAsDfGh'],
    ['a key with digits and dashes', 'renewed-token-canary-77aa'],
    ['a key with surrounding spaces', '  AbCdEfGhIjKlMnOp  '],
    ['a base64-style key', 'c2VjcmV0LWtleQ=='],
  ])('takes %s in Message as the new token', (_name, message) => {
    expect(renewReplySchema.parse({ Message: message })).toBe(message.trim());
  });

  it.each(['OK', 'Success', 'successful', 'Renewed.', 'DONE', 'true', 'Valid!', 'Updated'])(
    'does not take the status word %j for a token',
    (message) => {
      expect(renewReplySchema.safeParse({ Message: message }).success).toBe(false);
    },
  );

  it('does not take a sentence for a token', () => {
    expect(renewReplySchema.safeParse({ Message: 'Token renewed successfully' }).success).toBe(false);
  });

  it('prefers an explicit token key over Message, also one `data` level down', () => {
    expect(renewReplySchema.parse({ Message: 'SomeOtherWordHere', accessToken: 'AbCdEfGhIjKl' })).toBe(
      'AbCdEfGhIjKl',
    );
    expect(renewReplySchema.parse({ Message: 'Renewed', data: { token: 'ZyXwVuTsRqPo' } })).toBe(
      'ZyXwVuTsRqPo',
    );
  });

  it('reads `message` in any casing', () => {
    expect(renewReplySchema.parse({ message: 'PlainLettersOnlyKey' })).toBe('PlainLettersOnlyKey');
  });
});
