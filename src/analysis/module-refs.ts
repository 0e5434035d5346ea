import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './find-variable.js';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { ModuleRef } from '../knowledge/index.js';
import { BROWSER_SDK_GLOBALS, GLOBAL_OBJECTS, isKnowledgeModule } from '../knowledge/index.js';
import { DefinitionType, patternPath, staticPropertyName, unwrap } from './ast.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

const MAX_DEPTH = 8;

/**
 * Resolves what an expression refers to, as a module export path: through ESM named/default/namespace imports,
 * renamed imports, `import x = require()`, CommonJS `require` with destructuring and member access, dynamic
 * `await import()`, and local consts that alias any of these. Create one per file (it memoizes per variable).
 */
export class ModuleRefs {
  private readonly byVariable = new Map<Variable, ModuleRef | null>();
  private readonly byNode = new Map<Node, ModuleRef | null>();
  private readonly variables = new Map<TSESTree.Identifier, Variable | null>();
  private importedNames: ReadonlySet<string> | undefined;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /**
   * The one instance for a file, shared by every rule that lints it. A WeakMap keyed by the file's SourceCode only
   * memoizes what the file itself determines, so it is safe under ESLint's caching and worker threads.
   */
  static for(sourceCode: Readonly<TSESLint.SourceCode>): ModuleRefs {
    let refs = SHARED.get(sourceCode);
    if (!refs) {
      refs = new ModuleRefs(sourceCode);
      SHARED.set(sourceCode, refs);
    }
    return refs;
  }

  /** `fromIni`, `providers.fromIni`, `AWS.config.credentials`, `require('x').y` → { module, path }. */
  resolve(node: Node, depth = 0): ModuleRef | null {
    if (depth > MAX_DEPTH) return null;
    const cached = this.byNode.get(node);
    if (cached !== undefined) return cached;
    const ref = this.resolveUncached(node, depth);
    this.byNode.set(node, ref);
    return ref;
  }

  private resolveUncached(node: Node, depth: number): ModuleRef | null {
    const inner = unwrap(node);
    switch (inner.type) {
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(inner, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const name = staticPropertyName(inner);
        if (name === null) return null;
        const base = this.resolve(inner.object, depth + 1);
        if (base) return { module: base.module, path: [...base.path, name] };
        // `window.AWS`: a browser bundle's global read off the global object.
        const object = unwrap(inner.object);
        return object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && this.isFree(object)
          ? browserGlobal(name)
          : null;
      }
      case AST_NODE_TYPES.CallExpression: {
        const specifier = requiredModule(inner, this.sourceCode);
        return specifier ? { module: specifier, path: [] } : null;
      }
      case AST_NODE_TYPES.AwaitExpression: {
        const argument = unwrap(inner.argument);
        if (argument.type === AST_NODE_TYPES.ImportExpression) {
          const specifier = literalString(argument.source);
          return specifier ? { module: specifier, path: [] } : null;
        }
        return null;
      }
      case AST_NODE_TYPES.TSQualifiedName: {
        const base = this.resolve(inner.left, depth + 1);
        return base ? { module: base.module, path: [...base.path, inner.right.name] } : null;
      }
      default:
        return null;
    }
  }

  /**
   * The class an object was made from: `new S3Client()`, a const bound to one, a `this.x` class field or
   * constructor assignment, or a parameter annotated with an imported type (`client: S3Client`).
   */
  instanceOf(node: Node, depth = 0): ModuleRef | null {
    const origin = this.originOf(node, depth);
    if (origin?.made) return this.resolve(origin.made.callee, depth + 1);
    return origin?.annotated ? this.annotatedType(origin.annotated, depth) : null;
  }

  /**
   * Where an object comes from: the `new X(...)` that made it (through consts and `this.x` class fields or
   * constructor assignments), or the declaration whose type annotation names its class (a parameter, an
   * annotated field). Rules read the construction's options, e.g. a client's `credentials`.
   */
  originOf(node: Node, depth = 0): { made?: TSESTree.NewExpression; annotated?: Node } | null {
    if (depth > MAX_DEPTH) return null;
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.NewExpression) return { made: inner };
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(inner);
      const def = variable?.defs[0];
      if (!def) return null;
      if (
        def.type === DefinitionType.Variable &&
        def.node.id.type === AST_NODE_TYPES.Identifier &&
        def.node.init &&
        isConstLike(variable)
      ) {
        return this.originOf(def.node.init, depth + 1);
      }
      if (def.type === DefinitionType.Parameter) return { annotated: def.name };
      return null;
    }
    if (inner.type === AST_NODE_TYPES.MemberExpression && unwrap(inner.object).type === AST_NODE_TYPES.ThisExpression) {
      const name = staticPropertyName(inner);
      const member = name === null ? undefined : classMember(inner, name);
      if (!member) return null;
      if (member.value) return this.originOf(member.value, depth + 1);
      return member.annotated ? { annotated: member.annotated } : null;
    }
    return null;
  }

  /** No declaration of the file binds the name (it is a global). */
  private isFree(identifier: TSESTree.Identifier): boolean {
    return isUndeclared(this.variableOf(identifier));
  }

  /** The variable an identifier refers to, looked up from the identifier's own scope. */
  variableOf(identifier: TSESTree.Identifier): Variable | null {
    let variable = this.variables.get(identifier);
    if (variable === undefined) {
      variable = findVariable(this.sourceCode.getScope(identifier), identifier);
      this.variables.set(identifier, variable);
    }
    return variable;
  }

  /**
   * Names that could be bound to a module export: imports, and variables initialised from `require()`, `import()`
   * or (transitively) another such name. Any other identifier cannot resolve, so it skips the scope lookup, which
   * is most of this class's cost on large files.
   */
  private couldBeImported(name: string): boolean {
    this.importedNames ??= collectImportedNames(this.sourceCode);
    return this.importedNames.has(name);
  }

  private annotatedType(node: Node | undefined, depth: number): ModuleRef | null {
    const annotation = node && 'typeAnnotation' in node ? node.typeAnnotation : undefined;
    const type = annotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? annotation.typeAnnotation : undefined;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference) return null;
    return this.resolve(type.typeName, depth + 1);
  }

  private resolveIdentifier(identifier: TSESTree.Identifier, depth: number): ModuleRef | null {
    if (!this.couldBeImported(identifier.name)) return null;
    const variable = this.variableOf(identifier);
    if (!variable || isUndeclared(variable)) return browserGlobal(identifier.name);
    if (this.byVariable.has(variable)) return this.byVariable.get(variable) ?? null;
    this.byVariable.set(variable, null); // guards cycles
    const ref = this.resolveVariable(variable, depth);
    this.byVariable.set(variable, ref);
    return ref;
  }

  private resolveVariable(variable: Variable, depth: number): ModuleRef | null {
    const def = variable.defs[0];
    if (!def) return null;
    if (def.type === DefinitionType.ImportBinding) {
      const node = def.node;
      if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const ref = node.moduleReference;
        if (ref.type === AST_NODE_TYPES.TSExternalModuleReference) {
          const specifier = literalString(ref.expression);
          return specifier ? { module: specifier, path: [] } : null;
        }
        return this.resolve(ref, depth + 1);
      }
      const declaration = node.parent as TSESTree.ImportDeclaration;
      const module = declaration.source.value;
      if (node.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported =
          node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
        // A default export is treated as the module object: CommonJS SDKs (aws-sdk, gcp-metadata) are imported that way.
        return { module, path: imported === 'default' ? [] : [imported] };
      }
      return { module, path: [] };
    }
    if (def.type === DefinitionType.Variable) {
      const declarator = def.node;
      if (!declarator.init || !isConstLike(variable)) return null;
      const base = this.resolve(declarator.init, depth + 1);
      if (!base) return null;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) return base;
      // Array positions have no module path (`const [a] = mod` is not an import of a member).
      const path = patternPath(declarator.id, def.name);
      return path && !path.includes(null) ? { module: base.module, path: [...base.path, ...(path as string[])] } : null;
    }
    return null;
  }
}

const SHARED = new WeakMap<object, ModuleRefs>();
const MODULE_SCOPE = 'module';

/**
 * No declaration of the file binds the name, or only an ambient one (`declare const msal: any`, TypeScript's way to
 * name a global that a `<script>` tag defines): either way it is the global.
 */
function isUndeclared(variable: Variable | null | undefined): boolean {
  return (
    !variable ||
    variable.defs.every(
      (def) =>
        def.type === DefinitionType.Variable && (def.parent as TSESTree.VariableDeclaration | null)?.declare === true,
    )
  );
}
const BROWSER_GLOBAL_NAMES: ReadonlySet<string> = new Set(BROWSER_SDK_GLOBALS.map((g) => g.name));

/** A browser bundle's global (BROWSER_SDK_GLOBALS) stands for its module. */
function browserGlobal(name: string): ModuleRef | null {
  const global = BROWSER_SDK_GLOBALS.find((g) => g.name === name);
  return global ? { module: global.module, path: [] } : null;
}

/** The modules whose browser globals the file reads without declaring them: `AWS.config`, `window.AWSIoTData`. */
function browserGlobalModules(sourceCode: Readonly<TSESLint.SourceCode>, found: Set<string>): void {
  const scope = sourceCode.scopeManager?.globalScope;
  if (!scope) return;
  // An ES module's own top-level names live in its module scope: an ambient `declare const` there names the global.
  const moduleScope = scope.childScopes.find((child) => String(child.type) === MODULE_SCOPE);
  const free = (name: string) => {
    const variable = scope.set.get(name) ?? moduleScope?.set.get(name);
    if (!isUndeclared(variable)) return [];
    return [...(variable?.references ?? []), ...scope.through.filter((r) => r.identifier.name === name)];
  };
  for (const global of BROWSER_SDK_GLOBALS) {
    if (!sourceCode.text.includes(global.name)) continue;
    const direct = free(global.name).length > 0;
    const offWindow = [...GLOBAL_OBJECTS].some((object) =>
      free(object).some((r) => {
        const parent = r.identifier.parent;
        return parent?.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(parent) === global.name;
      }),
    );
    if (direct || offWindow) found.add(global.module);
  }
}
const MODULE_ROOT = Symbol('module');

/** See ModuleRefs.couldBeImported. A few passes reach aliases of aliases in any declaration order. */
function collectImportedNames(sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const names = new Set<string>([...BROWSER_GLOBAL_NAMES, ...GLOBAL_OBJECTS]);
  const pending: { name: string; init: Node }[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (def?.type === DefinitionType.ImportBinding) names.add(variable.name);
      else if (def?.type === DefinitionType.Variable && def.node.init)
        pending.push({ name: variable.name, init: def.node.init });
    }
  }
  for (let pass = 0, grew = true; grew && pass < MAX_DEPTH; pass++) {
    grew = false;
    for (const { name, init } of pending) {
      if (names.has(name)) continue;
      const root = rootOf(init);
      if (root === MODULE_ROOT || (typeof root === 'string' && names.has(root))) {
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
}

/** The identifier an expression is read from (`a` in `a.b.c`, `await a`), or MODULE_ROOT for require()/import(). */
function rootOf(node: Node): string | typeof MODULE_ROOT | null {
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return inner.name;
    case AST_NODE_TYPES.MemberExpression:
      return rootOf(inner.object);
    case AST_NODE_TYPES.AwaitExpression:
      return rootOf(inner.argument);
    case AST_NODE_TYPES.ImportExpression:
      return MODULE_ROOT;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(inner.callee);
      return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' ? MODULE_ROOT : null;
    }
    default:
      return null;
  }
}

/** `require('x')` with a literal argument and an unshadowed `require` → 'x'. */
function requiredModule(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || call.arguments.length !== 1)
    return null;
  const variable = findVariable(sourceCode.getScope(call), callee);
  if (variable && variable.defs.length > 0) return null;
  return literalString(call.arguments[0]);
}

function literalString(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
    return node.quasis[0].value.cooked ?? null;
  return null;
}

/** Written once: a `const`, or a `let`/`var` whose only write is its initializer. */
export function isConstLike(variable: Variable): boolean {
  const declaration = variable.defs[0]?.parent;
  if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const') return true;
  return variable.references.filter((r) => r.isWrite()).length <= 1;
}

/**
 * The declarator of the written-once local variable `identifier` refers to (`const x = …`, `const { x } = …`), when
 * it has an initializer; `declarator.id === name` tells a plain binding from a destructured one.
 */
export function constDeclarator(
  identifier: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): { declarator: TSESTree.VariableDeclarator & { init: TSESTree.Expression }; name: TSESTree.Identifier } | null {
  const variable = findVariable(scope, identifier);
  const def = variable?.defs[0];
  if (!variable || def?.type !== DefinitionType.Variable || !def.node.init || !isConstLike(variable)) return null;
  return { declarator: def.node as TSESTree.VariableDeclarator & { init: TSESTree.Expression }, name: def.name };
}

/** The initializer of the written-once local variable `identifier` refers to, when bound by name (`const x = …`). */
export function constInitializer(
  identifier: TSESTree.Identifier,
  scope: TSESLint.Scope.Scope,
): TSESTree.Expression | null {
  const found = constDeclarator(identifier, scope);
  return found && found.declarator.id === found.name ? found.declarator.init : null;
}

/** A class field or constructor-assigned `this.name`, found from a `this.name` use inside the class. */
function classMember(use: Node, name: string): { value?: Node; annotated?: Node } | null {
  let body: TSESTree.ClassBody | null = null;
  for (let p = use.parent; p; p = p.parent) {
    if (p.type === AST_NODE_TYPES.ClassBody) {
      body = p;
      break;
    }
  }
  if (!body) return null;
  let field: TSESTree.PropertyDefinition | undefined;
  let parameter: TSESTree.Identifier | undefined;
  let assigned: Node | undefined;
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && staticPropertyName(element) === name)
      field = element;
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (
          param.type === AST_NODE_TYPES.TSParameterProperty &&
          param.parameter.type === AST_NODE_TYPES.Identifier &&
          param.parameter.name === name
        ) {
          parameter = param.parameter;
        }
      }
      assigned = constructorAssignment(element.value.body, name);
    }
  }
  if (field?.value) return { value: field.value };
  if (assigned) return { value: assigned };
  if (parameter ?? field) return { annotated: parameter ?? field };
  return null;
}

function constructorAssignment(body: TSESTree.BlockStatement | null | undefined, name: string): Node | undefined {
  for (const statement of body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.left.type === AST_NODE_TYPES.MemberExpression &&
      expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
      staticPropertyName(expression.left) === name
    ) {
      return expression.right;
    }
  }
  return undefined;
}

const REQUIRE_OR_IMPORT = /\b(?:require|import)\s*\(\s*(['"`])([^'"`]+)\1/g;

/**
 * Every module specifier a file mentions (static imports, re-exports, `import x = require()`, `require()` and
 * dynamic `import()`). Cheap enough to run first in every rule: most files reach no credential API.
 */
export function moduleSpecifiers(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<string> {
  let found = SPECIFIERS.get(sourceCode);
  if (!found) {
    found = collectSpecifiers(sourceCode);
    SPECIFIERS.set(sourceCode, found);
  }
  return found;
}

/** Per-file memo shared by the rules (keyed by the file's SourceCode; see ModuleRefs.for). */
const SPECIFIERS = new WeakMap<object, Set<string>>();

function collectSpecifiers(sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const found = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (
      (statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      statement.source
    ) {
      found.add(statement.source.value);
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      const specifier = literalString(statement.moduleReference.expression);
      if (specifier) found.add(specifier);
    }
  }
  const text = sourceCode.text;
  if (text.includes('require') || text.includes('import(')) {
    for (const match of text.matchAll(REQUIRE_OR_IMPORT)) found.add(match[2]);
  }
  browserGlobalModules(sourceCode, found);
  return found;
}

/** True when the file imports or requires any module the knowledge base knows. */
export function reachesKnowledge(
  sourceCode: Readonly<TSESLint.SourceCode>,
  accept: (specifier: string) => boolean = isKnowledgeModule,
): boolean {
  for (const specifier of moduleSpecifiers(sourceCode)) if (accept(specifier)) return true;
  return false;
}
