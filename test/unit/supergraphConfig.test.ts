import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('supergraph.yaml', () => {
  it("pins the federation version that package.json's @apollo/composition composes with", () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const composition = pkg.devDependencies['@apollo/composition'];
    expect(read('supergraph.yaml')).toMatch(new RegExp(`^federation_version: =${composition}$`, 'm'));
  });
});
