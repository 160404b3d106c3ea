// @ts-check
import path from 'node:path';

/**
 * ESLint rule `layers/imports-point-down`: a module under `root` imports only from its own unit
 * or from a unit in a lower layer. A unit is a folder directly under `root` (`cache`, `http`, …)
 * or a file directly in it (`config.ts` is the unit `config`). Type-only imports count too: a
 * type from a higher layer ties a lower layer to it all the same.
 *
 * Options: `{ root, layers, importedOnlyBy }`. `layers` lists the layers from the lowest up; a
 * layer is a unit name or an array of names that may import each other. `importedOnlyBy` names
 * units that only the listed units may import, whatever their layer. A unit in no layer is
 * reported, so a new folder has to be given its place.
 */

/** @typedef {{ root: string; layers: (string | string[])[]; importedOnlyBy?: Record<string, string[]> }} Options */

/** @param {string} root @param {string} file */
function unitOf(root, file) {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [first = '', ...rest] = relative.split(path.sep);
  return rest.length ? first : first.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
}

/** @type {import('eslint').Rule.RuleModule} */
export const importsPointDown = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the declared layers of src/ only.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          },
          importedOnlyBy: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
          },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward:
        '{{from}} (layer {{fromLayer}}) must not import {{to}} (layer {{toLayer}}): imports point down the layers (LAYERS in eslint.config.js).',
      restricted: '{{to}} may be imported only by {{allowed}}, not by {{from}}.',
      undeclared: '{{unit}} is in no layer: give it its place in LAYERS in eslint.config.js.',
    },
  },
  create(context) {
    const options = /** @type {Options} */ (context.options[0]);
    const root = path.resolve(options.root);
    /** @type {Map<string, number>} */
    const layerOf = new Map();
    options.layers.forEach((layer, index) => {
      for (const unit of Array.isArray(layer) ? layer : [layer]) layerOf.set(unit, index);
    });
    const from = unitOf(root, context.filename);
    if (from === undefined) return {};

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = unitOf(root, path.resolve(path.dirname(context.filename), source));
      if (to === undefined || to === from) return;
      const fromLayer = layerOf.get(/** @type {string} */ (from));
      const toLayer = layerOf.get(to);
      if (fromLayer === undefined || toLayer === undefined) {
        context.report({
          node,
          messageId: 'undeclared',
          data: { unit: fromLayer === undefined ? String(from) : to },
        });
        return;
      }
      const allowed = options.importedOnlyBy?.[to];
      if (allowed && !allowed.includes(String(from))) {
        context.report({
          node,
          messageId: 'restricted',
          data: { from: String(from), to, allowed: allowed.join(', ') },
        });
      } else if (toLayer > fromLayer) {
        const data = {
          from: String(from),
          to,
          fromLayer: String(fromLayer + 1),
          toLayer: String(toLayer + 1),
        };
        context.report({ node, messageId: 'upward', data });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};
