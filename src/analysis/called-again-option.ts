import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CALLED_AGAIN_OPTIONS, type CalledAgainOption, refMatches } from '../knowledge/index.js';
import type { ModuleRefs } from './module-refs.js';
import { unwrap } from './ast.js';
import type { Slot } from './storage-slot.js';
import { type FlowNode, forEachDescendant, traceValue } from './value-flow.js';

export interface CalledAgainHandOver {
  readonly entry: CalledAgainOption;
  /** The flow step that hands the options to the client. */
  readonly node: FlowNode & { readonly step: { readonly kind: 'argument' } };
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/**
 * The first step of `flow` that hands the value as a plain value to an option the library also accepts as a
 * function it calls again (CALLED_AGAIN_OPTIONS): the object path from the argument down to the value (through
 * object literals and the variables bound to them) starts with the entry's `path`.
 */
export function calledAgainHandOver(flow: readonly FlowNode[], refs: ModuleRefs): CalledAgainHandOver | null {
  for (const node of flow) {
    const { step } = node;
    if (step.kind !== 'argument') continue;
    // Walking back from the argument: the outermost property first.
    const names: string[] = [];
    for (let n = node.previous; n; n = n.previous) {
      if (n.step.kind === 'property' && n.step.name !== null) names.push(n.step.name);
      else if (n.step.kind !== 'store') break;
    }
    if (names.length === 0) continue;
    const ref = refs.resolve(step.node.callee);
    const entry =
      ref &&
      CALLED_AGAIN_OPTIONS.find(
        (e) =>
          e.argument === step.index &&
          refMatches(ref, e.api) &&
          e.path.length <= names.length &&
          e.path.every((name, i) => names[i] === name),
      );
    if (entry) return { entry, node: node as CalledAgainHandOver['node'], call: step.node };
  }
  return null;
}

/**
 * A variable whose initializer is, or holds a call whose value reaches, such a hand-over: the module object of
 * options (`const config = { auth: { jwtToken: token() } }` later given to the client), or the client built with
 * it (`const client = new AWSAppSyncClient(config)`). The defect is the hand-over, reported at the token's source.
 */
export function handsToCalledAgainOption(
  slot: Slot,
  refs: ModuleRefs,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (slot.kind !== 'variable') return false;
  const def = slot.variable.defs[0]?.node;
  const init = def?.type === AST_NODE_TYPES.VariableDeclarator && def.init ? unwrap(def.init) : null;
  if (!init) return false;
  if (init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.CallExpression) {
    const ref = refs.resolve(init.callee);
    if (ref && CALLED_AGAIN_OPTIONS.some((e) => refMatches(ref, e.api))) return true;
  }
  let found = false;
  forEachDescendant(init, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (calledAgainHandOver(traceValue(node, refs, sourceCode), refs) === null) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

/** Whether the file sets the option again on some object (`socket.auth = { token }`, `socket.auth.token = t`). */
export function setsOptionAgain(
  option: string,
  assignments: readonly TSESTree.AssignmentExpression[],
  staticName: (node: TSESTree.MemberExpression) => string | null,
): boolean {
  return assignments.some((a) => {
    for (let target: TSESTree.Node = a.left; target.type === AST_NODE_TYPES.MemberExpression; target = target.object)
      if (staticName(target) === option) return true;
    return false;
  });
}
