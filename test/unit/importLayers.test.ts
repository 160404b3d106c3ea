import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// The repository's own ESLint configuration (eslint.config.js), as `npm run lint` applies it,
// running the layer rule alone: it needs no type information, so the files are parsed without.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'layers/imports-point-down',
});

async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'layers/imports-point-down')
    .map((message) => message.message);
}

const layerOptions = z.tuple([
  z.union([z.literal('error'), z.literal(2)]),
  z.object({ layers: z.array(z.union([z.string(), z.array(z.string())])) }),
]);

describe('import layers (eslint.config.js)', () => {
  it('refuses an upward import, a type-only one included, and a lower layer loading simulator code', async () => {
    const problems = await layerProblems(
      'src/upstreams/index.ts',
      [
        "import type { Config } from '../config.js';",
        "import { createFaultPlanner } from '../simulators/faults.js';",
        'export type Limits = Config;',
        'export const planner = createFaultPlanner;',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^upstreams \(layer \d+\) must not import config \(layer \d+\)/),
      'simulators may be imported only by index, not by upstreams.',
    ]);
  });

  it('refuses config.ts loading simulator code and cache importing loaders', async () => {
    const fromConfig = await layerProblems(
      'src/config.ts',
      "import { seededFaults } from './simulators/faults.js';\nexport const f = seededFaults;\n",
    );
    const fromCache = await layerProblems(
      'src/cache/caching.ts',
      "import { createLoaders } from '../loaders/index.js';\nexport const l = createLoaders;\n",
    );
    expect(fromConfig).toEqual(['simulators may be imported only by index, not by config.']);
    expect(fromCache).toEqual([expect.stringMatching(/^cache \(layer \d+\) must not import loaders/)]);
  });

  it('accepts a downward import', async () => {
    const problems = await layerProblems(
      'src/cache/caching.ts',
      "import { isRecord } from '../lib/records.js';\nexport const r = isRecord;\n",
    );
    expect(problems).toEqual([]);
  });

  it('gives every folder and every file directly in src/ a layer', async () => {
    const config: unknown = await eslint.calculateConfigForFile('src/index.ts');
    const rule = z.object({ rules: z.object({ 'layers/imports-point-down': layerOptions }) }).parse(config);
    const declared = new Set(rule.rules['layers/imports-point-down'][1].layers.flat());
    const units = readdirSync(new URL('../../src', import.meta.url), { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, ''),
    );
    expect(units.filter((unit) => !declared.has(unit))).toEqual([]);
  });
});
