import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { AWS_V3_CREDENTIAL_FIELDS } from '../knowledge/index.js';
import { enclosingFunction, staticPropertyName } from './ast.js';
import { findVariable } from './find-variable.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** The field of AWS credentials that only temporary keys carry (`AwsCredentialIdentity.sessionToken`). */
const SESSION_TOKEN_FIELD = AWS_V3_CREDENTIAL_FIELDS[2];
/** How many `const x = f(y)` steps a read is followed through inside its function. */
const MAX_ROUNDS = 4;

/**
 * True when what one of `reads` gives (a read of stored text, say) becomes the `sessionToken` of credentials in the
 * same function, directly or through locals bound from it (`const s = JSON.parse(read); const c = s.credentials;
 * ... { sessionToken: c.SessionToken }`): the stored copy is temporary keys that the file signs with.
 */
export function readsSignAsSession(reads: readonly Node[], sourceCode: SourceCode): boolean {
  return reads.some((read) => {
    const fn = enclosingFunction(read);
    if (!fn) return false;
    const derived = new Set<Variable>();
    const fromRead = (node: Node) => contains(node, read) || mentionsAny(node, derived, sourceCode);
    const declarators: TSESTree.VariableDeclarator[] = [];
    const properties: TSESTree.Property[] = [];
    forEachDescendant(fn, sourceCode, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) declarators.push(node);
      if (node.type === AST_NODE_TYPES.Property && staticPropertyName(node) === SESSION_TOKEN_FIELD)
        properties.push(node);
    });
    if (properties.length === 0) return false;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const before = derived.size;
      for (const declarator of declarators) {
        if (!fromRead(declarator.init!)) continue;
        for (const variable of sourceCode.getDeclaredVariables(declarator)) derived.add(variable);
      }
      if (derived.size === before) break;
    }
    return properties.some((property) => fromRead(property.value));
  });
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function mentionsAny(node: Node, variables: ReadonlySet<Variable>, sourceCode: SourceCode): boolean {
  if (variables.size === 0) return false;
  let found = false;
  forEachDescendant(node, sourceCode, (child) => {
    if (child.type !== AST_NODE_TYPES.Identifier) return;
    const variable = findVariable(sourceCode.getScope(child), child);
    found = variable !== null && variables.has(variable);
    return found ? 'stop' : undefined;
  });
  return found;
}
