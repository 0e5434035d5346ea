import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { localFunction } from './local-function.js';
import { isConstLike, ModuleRefs } from './module-refs.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 6;
/** Callers of the file's own callback-taking function followed back to what they hand over. */
const MAX_CALL_SITES = 8;

/**
 * The fields every value put in a slot can have, when each of them is an object literal the file writes out (directly,
 * through a const, or handed to a callback of the file's own: `callback(null, { accessKeyId, ... })`). Null when any
 * value's shape is unknown (a spread, an SDK result, a parameter of unknown callers): then any field may be there.
 */
export function keptFields(values: readonly Node[], sourceCode: SourceCode): ReadonlySet<string> | null {
  return keptFieldsAt(values, sourceCode, 0);
}

function fieldsOf(node: Node, sourceCode: SourceCode, depth: number): ReadonlySet<string> | null {
  if (depth > MAX_DEPTH) return null;
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return literalFields(inner);
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const refs = ModuleRefs.for(sourceCode);
  const variable = refs.variableOf(inner);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (def.type === DefinitionType.Variable)
    return def.node.id === def.name && def.node.init && isConstLike(variable)
      ? fieldsOf(def.node.init, sourceCode, depth + 1)
      : null;
  if (def.type !== DefinitionType.Parameter || !isFunctionNode(def.node)) return null;
  const handed = handedToCallback(def.node, def.name as TSESTree.Identifier, refs, sourceCode);
  return handed && keptFieldsAt(handed, sourceCode, depth + 1);
}

function keptFieldsAt(values: readonly Node[], sourceCode: SourceCode, depth: number): ReadonlySet<string> | null {
  if (values.length === 0) return null;
  const fields = new Set<string>();
  for (const value of values) {
    const shape = fieldsOf(value, sourceCode, depth);
    if (!shape) return null;
    for (const field of shape) fields.add(field);
  }
  return fields;
}

/** `{ a, b: 1, 'c': x }`: its keys; null with a spread or a computed key (any field may come with it). */
function literalFields(object: TSESTree.ObjectExpression): ReadonlySet<string> | null {
  const fields = new Set<string>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return null;
    const name = staticPropertyName(property);
    if (name === null) return null;
    fields.add(name);
  }
  return fields;
}

/**
 * `run((err, creds) => ...)` where the file's own `run = (callback) => { ...; callback(null, value); }`: the values
 * the function hands to the callback at the parameter's position. Null when the callback is passed anywhere else.
 */
export function handedToCallback(
  callback: TSESTree.FunctionLike,
  parameter: TSESTree.Identifier,
  refs: ModuleRefs,
  sourceCode: SourceCode,
): Node[] | null {
  const position = callback.params.indexOf(parameter);
  const call = callback.parent;
  if (position < 0 || call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const slot = call.arguments.indexOf(callback as TSESTree.CallExpressionArgument);
  const runner = slot < 0 ? null : localFunction(call, refs, { bindings: 'written-once', thisMethods: false });
  const received = runner?.params[slot];
  if (!runner || received?.type !== AST_NODE_TYPES.Identifier) return null;
  const receivedVariable = refs.variableOf(received);
  const values: Node[] = [];
  let unknown = false;
  forEachDescendant(runner, sourceCode, (node) => {
    if (unknown || values.length > MAX_CALL_SITES) return 'stop';
    if (node.type !== AST_NODE_TYPES.Identifier || refs.variableOf(node) !== receivedVariable || node === received)
      return;
    const parent = node.parent;
    // Passed on, stored or returned: its callers are not all in view.
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== node) {
      unknown = true;
      return 'stop';
    }
    const argument = parent.arguments[position];
    // `callback(err, null)`: an error path hands nothing the slot keeps.
    if (!argument || (argument.type === AST_NODE_TYPES.Literal && argument.value === null)) return;
    values.push(argument);
  });
  return unknown || values.length === 0 ? null : values;
}
