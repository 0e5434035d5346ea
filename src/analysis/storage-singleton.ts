import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { refMatches, SINGLETON_BINDING_METHODS, SINGLETON_DECORATORS } from '../knowledge/index.js';
import { findProperty, staticPropertyName, unwrap } from './ast.js';
import { ModuleRefs } from './module-refs.js';
import { fileIndex } from './file-index.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * True when a dependency-injection container keeps one instance of the class for the life of the app: a decorator
 * of SINGLETON_DECORATORS (Angular `providedIn: 'root'`, NestJS `@Injectable()` in the default scope, tsyringe
 * `@singleton()`), an InversifyJS `.inSingletonScope()` binding of it in the same file, or a `static getInstance()`
 * that keeps `new ThisClass()` in a static field.
 */
export function isContainerSingleton(classNode: ClassNode, sourceCode: SourceCode): boolean {
  return (
    (classNode.decorators ?? []).some((d) => isSingletonDecorator(d.expression, sourceCode)) ||
    keepsOwnInstance(classNode, sourceCode) ||
    isBoundAsSingleton(classNode, sourceCode)
  );
}

function isSingletonDecorator(expression: Node, sourceCode: SourceCode): boolean {
  const call = unwrap(expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const ref = ModuleRefs.for(sourceCode).resolve(call.callee);
  const entry = ref && SINGLETON_DECORATORS.find((d) => refMatches(ref, d.api));
  if (!entry) return false;
  const options = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if ('requires' in entry) {
    const value = options ? findProperty(options, entry.requires.option)?.value : undefined;
    return (
      value?.type === AST_NODE_TYPES.Literal && (entry.requires.values as readonly unknown[]).includes(value.value)
    );
  }
  if ('perUseOption' in entry && options) {
    const scope = findProperty(options, entry.perUseOption.option)?.value;
    // `Scope.REQUEST`, or any scope we cannot read: not known to be one instance.
    if (scope) return scope.type === AST_NODE_TYPES.MemberExpression && !isPerUse(scope, entry.perUseOption.values);
  }
  return true;
}

function isPerUse(scope: TSESTree.MemberExpression, values: readonly string[]): boolean {
  return values.includes(staticPropertyName(scope) ?? '');
}

/** `static instance = new Self()` or `Self.instance ??= new Self()` / `this.instance = new Self()` in the class. */
function keepsOwnInstance(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const name = classNode.id?.name;
  if (!name) return false;
  const isSelf = (node: Node | null | undefined): boolean => {
    const inner = node ? unwrap(node) : null;
    return (
      inner?.type === AST_NODE_TYPES.NewExpression &&
      inner.callee.type === AST_NODE_TYPES.Identifier &&
      inner.callee.name === name
    );
  };
  let found = false;
  for (const member of classNode.body.body) {
    if (found) break;
    if (member.type === AST_NODE_TYPES.PropertyDefinition && member.static && isSelf(member.value)) found = true;
    if (member.type !== AST_NODE_TYPES.MethodDefinition || !member.static) continue;
    forEachDescendant(member.value, sourceCode, (node) => {
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || !isSelf(node.right)) return;
      const left = unwrap(node.left);
      const owner = left.type === AST_NODE_TYPES.MemberExpression ? unwrap(left.object) : null;
      if (
        owner?.type === AST_NODE_TYPES.ThisExpression ||
        (owner?.type === AST_NODE_TYPES.Identifier && owner.name === name)
      )
        found = true;
    });
  }
  return found;
}

/** `container.bind(Self).toSelf().inSingletonScope()` (or `.to(Self)`) anywhere in the file. */
function isBoundAsSingleton(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const name = classNode.id?.name;
  if (!name || !SINGLETON_BINDING_METHODS.some((m) => sourceCode.text.includes(m))) return false;
  let found = false;
  for (const node of fileIndex(sourceCode).calls) {
    if (found) break;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    if (!SINGLETON_BINDING_METHODS.includes(staticPropertyName(callee) ?? '')) continue;
    for (let link: Node = callee.object; link.type === AST_NODE_TYPES.CallExpression;) {
      if (link.arguments.some((a) => a.type === AST_NODE_TYPES.Identifier && a.name === name)) found = true;
      const next = unwrap(link.callee);
      if (next.type !== AST_NODE_TYPES.MemberExpression) break;
      link = next.object;
    }
  }
  return found;
}
