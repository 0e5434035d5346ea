import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isConstLike, type ModuleRefs } from './module-refs.js';
import { forEachDescendant } from './value-flow.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * Whether the text of `expression` means the same at `destination`: every name it uses resolves to the same
 * variable there (or to none in both places), and it does not use `this` / `arguments` (which change meaning
 * across function boundaries) unless both places share the same function.
 */
export function isMovable(expression: Node, destination: Node, sourceCode: SourceCode): boolean {
  const from = sourceCode.getScope(expression);
  const to = sourceCode.getScope(destination);
  let movable = true;
  forEachDescendant(expression, sourceCode, (node) => {
    if (!movable) return;
    if (
      node.type === AST_NODE_TYPES.ThisExpression ||
      (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments')
    ) {
      movable = from.variableScope === to.variableScope;
      return;
    }
    if (node.type !== AST_NODE_TYPES.Identifier || !isReference(node)) return;
    movable = findVariable(from, node.name) === findVariable(to, node.name);
  });
  return movable;
}

function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed)
    return false;
  if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed && !parent.shorthand)
    return false;
  return true;
}

/** Removes a whole statement, with its line when nothing else is on it. */
export function removeStatement(fixer: Fixer, sourceCode: SourceCode, statement: Node): Fix {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) start = lineStart;
  const rest = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(end));
  if (rest && start === lineStart) end += rest[0].length;
  return fixer.removeRange([start, end]);
}

/**
 * The local name under which `name` from `module` is already available (a named import or a destructured
 * require of it), or null.
 */
function importedName(module: string, name: string, refs: ModuleRefs, sourceCode: SourceCode): string | null {
  for (const statement of sourceCode.ast.body) {
    const locals: Node[] = [];
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) locals.push(...statement.specifiers.map((s) => s.local));
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties)
          if (property.type === AST_NODE_TYPES.Property) locals.push(property.value);
      }
    }
    for (const local of locals) {
      if (local.type !== AST_NODE_TYPES.Identifier) continue;
      const ref = refs.resolve(local);
      if (ref && ref.module === module && ref.path.length === 1 && ref.path[0] === name) return local.name;
    }
  }
  return null;
}

/**
 * Adds `import { name } from 'module'` after the last import (or `const { name } = require('module')` in a
 * CommonJS file), unless the name is already imported; returns the local name and the fixes.
 */
export function addNamedImport(
  fixer: Fixer,
  module: string,
  name: string,
  refs: ModuleRefs,
  sourceCode: SourceCode,
): { local: string; fixes: Fix[] } {
  const existing = importedName(module, name, refs, sourceCode);
  if (existing) return { local: existing, fixes: [] };
  const body = sourceCode.ast.body;
  const imports = body.filter(
    (s) => s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.TSImportEqualsDeclaration,
  );
  const usesRequire = imports.length === 0 && sourceCode.ast.sourceType !== 'module';
  const line = usesRequire ? `const { ${name} } = require('${module}');` : `import { ${name} } from '${module}';`;
  const last = imports.at(-1);
  if (last) return { local: name, fixes: [fixer.insertTextAfter(last, `\n${line}`)] };
  const first = body[0];
  return {
    local: name,
    fixes: [first ? fixer.insertTextBefore(first, `${line}\n`) : fixer.insertTextAfterRange([0, 0], `${line}\n`)],
  };
}

/**
 * Whether evaluating `expression` once more (a copy of its text elsewhere) has no effect of its own: no `await` or
 * `yield` (which would also need an async or generator function there), no call, assignment, update or `delete`.
 * `new C(...)` counts as a value only when `isValueClass(C)` (SDK command classes, which just hold their input), and
 * a call only when `isClockRead(callee)` (`Date.now()`, `Math.floor(x)`: run again, they just read the clock again).
 * Function bodies are not evaluated by the copy, so they are not looked into.
 */
export function isRepeatable(
  expression: Node,
  isValueClass: (callee: Node) => boolean = () => false,
  isClockRead: (callee: Node) => boolean = () => false,
): boolean {
  const stack: Node[] = [expression];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        continue;
      case AST_NODE_TYPES.TemplateLiteral:
        stack.push(...node.expressions);
        continue;
      case AST_NODE_TYPES.MemberExpression:
        stack.push(node.object);
        if (node.computed) stack.push(node.property);
        continue;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        stack.push(node.expression);
        continue;
      case AST_NODE_TYPES.SpreadElement:
        stack.push(node.argument);
        continue;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === 'delete') return false;
        stack.push(node.argument);
        continue;
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(node.left, node.right);
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        stack.push(node.test, node.consequent, node.alternate);
        continue;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) if (element) stack.push(element);
        continue;
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) stack.push(property.argument);
          else {
            if (property.computed) stack.push(property.key);
            stack.push(property.value);
          }
        }
        continue;
      case AST_NODE_TYPES.NewExpression:
        if (!isValueClass(node.callee)) return false;
        stack.push(...node.arguments);
        continue;
      case AST_NODE_TYPES.CallExpression:
        if (!isClockRead(node.callee)) return false;
        stack.push(...node.arguments);
        continue;
      default:
        return false;
    }
  }
  return true;
}

/**
 * Calling `call` again later, from `destination`, asks the same source: its text means the same there, it has no
 * effect besides the call itself, and every name it uses is bound once (a later reassignment would change it).
 */
export function isAskableAgain(
  call: TSESTree.CallExpression,
  destination: Node,
  sourceCode: SourceCode,
  refs: ModuleRefs,
): boolean {
  if (!isRepeatable(call.callee) || !call.arguments.every((a) => isRepeatable(a, (c) => refs.resolve(c) !== null)))
    return false;
  if (!isMovable(call, destination, sourceCode)) return false;
  let boundOnce = true;
  forEachDescendant(call, sourceCode, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier || !isReference(node)) return;
    const variable = refs.variableOf(node);
    if (variable && variable.defs.length > 0 && !isConstLike(variable)) boundOnce = false;
  });
  return boundOnce;
}

/** Edits that add a member to a type, or none when it is there already. */
export type TypeEdit = (fixer: Fixer) => Fix[];

/**
 * `{ a: string }` → `{ a: string; name?: Date }`: an optional member appended to a type literal in its own layout
 * (one member per line, or inline), or no edit when a member of that name exists.
 */
export function addOptionalMember(
  type: TSESTree.TSTypeLiteral,
  name: string,
  memberType: string,
  sourceCode: SourceCode,
): TypeEdit {
  return addMember(type, name, memberType, sourceCode, true);
}

/** `{ a: string }` → `{ a: string; name: T }` (or `name?: T`), in the literal's own layout; none when it is there. */
export function addMember(
  type: TSESTree.TSTypeLiteral,
  name: string,
  memberType: string,
  sourceCode: SourceCode,
  optional: boolean,
): TypeEdit {
  const has = type.members.some(
    (m) =>
      m.type === AST_NODE_TYPES.TSPropertySignature && m.key.type === AST_NODE_TYPES.Identifier && m.key.name === name,
  );
  if (has) return () => [];
  const closing = sourceCode.getLastToken(type)!;
  const before = sourceCode.getTokenBefore(closing)!;
  const member = `${name}${optional ? '?' : ''}: ${memberType}`;
  const separated = before.value === ';' || before.value === ',';
  if (sourceCode.text.slice(before.range[1], closing.range[0]).includes('\n')) {
    const indent = /^\s*/u.exec(sourceCode.lines[before.loc.start.line - 1])![0];
    return (fixer) => [fixer.insertTextAfter(before, `${separated ? '' : ';'}\n${indent}${member};`)];
  }
  if (before.value === '{') return (fixer) => [fixer.insertTextAfter(before, ` ${member} `)];
  return (fixer) => [fixer.insertTextAfter(before, separated ? ` ${member};` : `; ${member}`)];
}

/** The spaces and tabs that open the line `node` starts on. */
export function indentOf(node: Node, text: string): string {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
