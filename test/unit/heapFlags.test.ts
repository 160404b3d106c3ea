import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('V8 heap tuning', () => {
  it('is set on the production command line, never changed at run time', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['start:prod']).toMatch(/^node --heap-growing-percent=\d+ dist\/index\.js$/);
    const setsFlags = sourceFiles(join(ROOT, 'src')).filter((file) =>
      readFileSync(file, 'utf8').includes('setFlagsFromString'),
    );
    expect(setsFlags).toEqual([]);
  });
});
