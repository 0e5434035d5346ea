// The command object an AWS SDK v3 `client.send(command)` sends, written in the call or bound to a const just before.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, unwrap } from './ast.js';
import { isConstLike, type ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;

/**
 * `new AssumeRoleCommand({...})` in `sts.send(new AssumeRoleCommand({...}))` or in
 * `const cmd = new AssumeRoleCommand({...}); await sts.send(cmd)`: the same request either way.
 */
export function sentCommand(argument: Node | undefined, refs: ModuleRefs): TSESTree.NewExpression | null {
  const bound = argument ? boundValue(argument, refs) : null;
  return bound?.type === AST_NODE_TYPES.NewExpression ? bound : null;
}

/**
 * What a name bound once by `const x = …` (or a `let` never written again) holds, else the node itself: the input of
 * `new AssumeRoleCommand(input)` read for its DurationSeconds.
 */
export function boundValue(written: Node, refs: ModuleRefs): Node {
  const node = unwrap(written);
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const variable = refs.variableOf(node);
  const def = variable?.defs[0];
  return variable &&
    def?.type === DefinitionType.Variable &&
    def.node.id.type === AST_NODE_TYPES.Identifier &&
    def.node.init &&
    isConstLike(variable)
    ? unwrap(def.node.init)
    : node;
}
