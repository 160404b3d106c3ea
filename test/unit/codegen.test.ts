import { describe, expect, it } from 'vitest';
import { staleGeneratedFiles } from '../../scripts/check-codegen.js';

describe('generated resolver types', () => {
  it('match what codegen.ts generates from schema/*.graphql', async () => {
    expect(await staleGeneratedFiles()).toEqual([]);
  });
});
