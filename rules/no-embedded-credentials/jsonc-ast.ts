import type { EmbeddedContext, Located, ReportProblem } from './context.js';
import { checkJson } from './json.js';

/** The jsonc-eslint-parser nodes (eslint-plugin-jsonc's `jsonc/x` language) that carry JSON values. */
interface JsoncNode extends Located {
  type: string;
  value?: unknown;
  name?: string;
  properties?: (Located & { key: JsoncNode; value: JsoncNode })[];
  elements?: (JsoncNode | null)[];
}

const at = (node: Located) => ({ loc: node.loc, range: node.range });

/**
 * The same value in the node shapes of @eslint/json (momoa) that json.ts reads, keeping jsonc-eslint-parser's
 * positions (its language counts columns from 0, as it reports them), so a project whose JSON files eslint-plugin-jsonc
 * parses gets the same findings.
 */
function toMomoaShape(node: JsoncNode): Record<string, unknown> {
  switch (node.type) {
    case 'JSONObjectExpression':
      return {
        type: 'Object',
        ...at(node),
        members: (node.properties ?? []).map((property) => ({
          type: 'Member',
          ...at(property),
          name:
            property.key.type === 'JSONIdentifier'
              ? { type: 'Identifier', name: property.key.name, ...at(property.key) }
              : toMomoaShape(property.key),
          value: toMomoaShape(property.value),
        })),
      };
    case 'JSONArrayExpression':
      return {
        type: 'Array',
        ...at(node),
        elements: (node.elements ?? [])
          .filter((element) => element !== null)
          .map((element) => ({ type: 'Element', ...at(element), value: toMomoaShape(element) })),
      };
    case 'JSONLiteral':
      return typeof node.value === 'string'
        ? { type: 'String', ...at(node), value: node.value }
        : { type: 'Literal', ...at(node) };
    default:
      return { type: node.type, ...at(node) };
  }
}

/** no-embedded-credentials on JSON read by eslint-plugin-jsonc (`parserServices.isJSON`): the JSON check, on its AST. */
export function checkJsonc(context: EmbeddedContext, report: ReportProblem) {
  const json = checkJson(context, report);
  return {
    Program(program: { body: { expression?: JsoncNode }[] }) {
      const expression = program.body[0]?.expression;
      if (expression) json.Document({ body: toMomoaShape(expression) as never });
    },
  };
}
