import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findProperty, unwrap } from '../../src/analysis/ast.js';
import { constDeclarator, type ModuleRefs } from '../../src/analysis/module-refs.js';
import { staticObjectSource } from '../../src/analysis/static-value.js';
import { ASSUME_ROLE_MODULES, ASSUME_ROLE_REQUESTS, findByApi, moduleMatches } from '../../src/knowledge/index.js';
import type { AssumeRoleShape } from './ceiling.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** An assume-role request in code: the role, the session length asked for, and the caller's credentials. */
interface AssumeRoleCall extends AssumeRoleShape {
  /** What the call is, for messages: `fromTemporaryCredentials()`. */
  readonly name: string;
  /** Path of `DurationSeconds` inside the options. */
  readonly duration: readonly string[];
}

const { factories: V3_FACTORIES, classes: V2_CLASSES, commands: STS_COMMANDS } = ASSUME_ROLE_REQUESTS;

export function isAssumeRoleModule(specifier: string): boolean {
  return ASSUME_ROLE_MODULES.some((pattern) => moduleMatches(pattern, specifier));
}

/**
 * The assume-role request a call or construction makes: `fromTemporaryCredentials({ params })`,
 * `new AWS.ChainableTemporaryCredentials({ params })`, `new AWS.TemporaryCredentials(params)`,
 * `new AssumeRoleCommand(input)`. Null for anything else.
 */
export function assumeRoleCall(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  refs: ModuleRefs,
  context: Context,
): AssumeRoleCall | null {
  const ref = refs.resolve(node.callee);
  if (!ref) return null;
  const [first] = node.arguments;
  const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticObjectSource(first, context) : null;
  const shape = (name: string, duration: readonly string[], master?: readonly string[]): AssumeRoleCall => ({
    name,
    options,
    duration,
    roleArn: [...duration.slice(0, -1), 'RoleArn'],
    ...(master ? { master } : {}),
  });
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const factory = findByApi(V3_FACTORIES, ref);
    return factory ? shape(`${factory.api.path.join('.')}()`, factory.durationOption!, ['masterCredentials']) : null;
  }
  const v2 = findByApi(V2_CLASSES, ref);
  if (v2)
    return shape(
      `new ${v2.api.path.join('.')}()`,
      v2.durationOption!,
      v2.durationOption!.length > 1 ? ['masterCredentials'] : undefined,
    );
  const command = findByApi(STS_COMMANDS, ref);
  if (!command) return null;
  const credentials = senderCredentials(node, context);
  return {
    ...shape(`new ${command.api.path.join('.')}()`, [command.durationParam]),
    ...(credentials ? { masterNode: credentials } : {}),
  };
}

/**
 * `sts.send(new AssumeRoleCommand(...))` where `const sts = new STSClient({ credentials })`: the credentials the
 * command is sent with. Undefined when the client uses the default chain or is not visible.
 */
function senderCredentials(command: TSESTree.NewExpression, context: Context): TSESTree.Node | undefined {
  const send = command.parent;
  if (send?.type !== AST_NODE_TYPES.CallExpression || send.arguments[0] !== command) return undefined;
  const callee = unwrap(send.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const found = constDeclarator(callee.object, context.sourceCode.getScope(callee.object));
  if (!found) return undefined;
  const client = unwrap(found.declarator.init);
  const options = client.type === AST_NODE_TYPES.NewExpression ? client.arguments[0] : undefined;
  return options && findProperty(options, 'credentials')?.value;
}
