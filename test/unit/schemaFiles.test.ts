import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from '../../src/schema.js';

describe('schema files', () => {
  it('serves every SDL file in schema/ (codegen reads them all, so the server must too)', () => {
    const onDisk = readdirSync(new URL('../../schema/', import.meta.url)).filter((file) =>
      file.endsWith('.graphql'),
    );
    expect([...SCHEMA_FILES].sort()).toEqual(onDisk.sort());
  });
});
