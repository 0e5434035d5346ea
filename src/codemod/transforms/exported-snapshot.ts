import { dirname, resolve } from 'node:path';
import { type Identifier, Node, type Project, type SourceFile, SyntaxKind, VariableDeclarationKind } from 'ts-morph';
import type { FileState, Finding } from '../types.js';
import { awaitInPlaceOf } from './await-text.js';
import { names } from './cleanup.js';
import { lineColumnOf, offsetOf, type TextEdit } from './text-edits.js';

/** What the rewrite of one exported snapshot amounts to: edits per file, or why a person must do it. */
export type SnapshotPlan =
  | {
      kind: 'rewrite';
      edits: Map<FileState, TextEdit[]>;
      summary: { file: FileState; line: number; description: string }[];
    }
  | { kind: 'blocked'; reasons: { file: FileState; line: number; column: number; reason: string }[] };

interface Snapshot {
  finding: Finding;
  producer: FileState;
  sourceFile: SourceFile;
  name: string;
  /** `getToken` (getter form) or `credentialsProvider` (provider form). */
  newName: string;
  form: 'getter' | 'provider';
  declaration: { start: number; end: number; text: string };
  /** Provider form: the provider expression (`fromInstanceMetadata(init)`), as written. */
  provider?: string;
  /** `let` → `const`: a getter is never reassigned (a `let` that is assigned again blocks the rewrite). */
  keyword?: { start: number; end: number };
}

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const renamed = (name: string, form: Snapshot['form']) =>
  form === 'getter' ? `get${upperFirst(name)}` : `${name}Provider`;

/** The exported `const NAME = await CALL` a finding points into, as a snapshot to rewrite. */
export function snapshotAt(finding: Finding, producer: FileState, sourceFile: SourceFile): Snapshot | undefined {
  const node = sourceFile.getDescendantAtPos(offsetOf(producer.text, finding.line, finding.column));
  const declaration = node?.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const statement = declaration?.getVariableStatement();
  if (!declaration || !statement || !Node.isSourceFile(statement.getParent())) return undefined;
  const kind = statement.getDeclarationKind();
  if (!statement.hasExportKeyword() || kind === VariableDeclarationKind.Var || statement.getDeclarations().length !== 1)
    return undefined;
  const nameNode = declaration.getNameNode();
  let initializer = declaration.getInitializer();
  while (initializer && Node.isParenthesizedExpression(initializer)) initializer = initializer.getExpression();
  if (!Node.isIdentifier(nameNode) || !initializer || !Node.isAwaitExpression(initializer)) return undefined;
  const call = initializer.getExpression();
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  // `await P(init)()` resolves a provider: export the provider. Anything else is re-called by a getter.
  const form = Node.isCallExpression(callee) && call.getArguments().length === 0 ? 'provider' : 'getter';
  const name = nameNode.getText();
  const newName = renamed(name, form);
  const init = form === 'provider' ? callee.getText() : `() => ${call.getText()}`;
  return {
    finding,
    producer,
    sourceFile,
    name,
    newName,
    form,
    declaration: { start: declaration.getStart(), end: declaration.getEnd(), text: `${newName} = ${init}` },
    ...(form === 'provider' ? { provider: init } : {}),
    ...(kind === VariableDeclarationKind.Let
      ? {
          keyword: {
            start: statement.getDeclarationList().getStart(),
            end: statement.getDeclarationList().getStart() + 3,
          },
        }
      : {}),
  };
}

/** How a person would name `fn` in a sentence. */
function functionLabel(fn: Node): string {
  const name = Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) ? fn.getName() : undefined;
  return name ? `\`${name}\`` : 'the enclosing function';
}

function containingFunction(node: Node): Node | undefined {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (Node.isFunctionLikeDeclaration(current)) return current;
    if (
      Node.isSourceFile(current) ||
      Node.isPropertyDeclaration(current) ||
      Node.isClassStaticBlockDeclaration(current)
    )
      return undefined;
  }
  return undefined;
}

/** Where `async` goes for a function that can take it, or why it cannot. */
function asyncInsertion(fn: Node): { at: number } | { reason: string } | 'already' {
  if (Node.isConstructorDeclaration(fn) || Node.isGetAccessorDeclaration(fn) || Node.isSetAccessorDeclaration(fn)) {
    return { reason: 'it is read in a constructor or accessor, which cannot be async' };
  }
  if (!(
    Node.isArrowFunction(fn) ||
    Node.isFunctionDeclaration(fn) ||
    Node.isFunctionExpression(fn) ||
    Node.isMethodDeclaration(fn)
  )) {
    return { reason: 'it is read in a function that cannot be made async' };
  }
  if (fn.isAsync()) return 'already';
  if (!Node.isArrowFunction(fn) && fn.isGenerator()) return { reason: 'it is read in a generator function' };
  // Making a function async is safe when it already returns a Promise: its callers get the same type.
  const returnType = fn.getReturnType();
  if (returnType.getSymbol()?.getName() !== 'Promise') {
    return {
      reason: `it is read in ${functionLabel(fn)}, which is not async and does not return a Promise (making it async would change what its callers get)`,
    };
  }
  if (Node.isArrowFunction(fn)) return { at: fn.getStart() };
  if (Node.isMethodDeclaration(fn)) return { at: fn.getNameNode().getStart() };
  return { at: fn.getFirstChildByKindOrThrow(SyntaxKind.FunctionKeyword).getStart() };
}

interface UsePlan {
  edits: TextEdit[];
  blocked?: string;
  addedAsync?: string;
}

/** How one read of the snapshot (`use`, an identifier or `ns.name`) is rewritten to call `callee` instead. */
function planUse(use: Node, snapshot: Snapshot, callee: string): UsePlan {
  const parent = use.getParentOrThrow();
  if (Node.isTypeQuery(parent)) return { edits: [], blocked: 'it is used in a type (`typeof`)' };
  if (Node.isExportSpecifier(parent)) return { edits: [], blocked: 'it is exported again under its own name' };
  if (
    Node.isBinaryExpression(parent) &&
    parent.getLeft() === use &&
    parent.getOperatorToken().getText().endsWith('=')
  ) {
    return { edits: [], blocked: 'it is assigned to' };
  }
  const shorthand = Node.isShorthandPropertyAssignment(parent);
  const key = shorthand
    ? parent.getName()
    : Node.isPropertyAssignment(parent) && parent.getInitializer() === use
      ? parent.getName()
      : undefined;
  // A client config's `credentials` takes the provider itself: no call, no await.
  if (snapshot.form === 'provider' && key === 'credentials') {
    return {
      edits: [
        {
          start: (shorthand ? parent : use).getStart(),
          end: (shorthand ? parent : use).getEnd(),
          text: shorthand ? `credentials: ${callee}` : callee,
        },
      ],
    };
  }
  const fn = containingFunction(use);
  if (!fn)
    return {
      edits: [],
      blocked:
        'it is read at module scope or in a class field, so a rewrite would again keep one value for the life of the process',
    };
  const insertion = asyncInsertion(fn);
  if (typeof insertion === 'object' && 'reason' in insertion) return { edits: [], blocked: insertion.reason };
  const call = `await ${callee}()`;
  const edits: TextEdit[] = [];
  if (shorthand) edits.push({ start: parent.getStart(), end: parent.getEnd(), text: `${parent.getName()}: ${call}` });
  else
    edits.push({
      start: use.getStart(),
      end: use.getEnd(),
      text: awaitInPlaceOf(use, call),
    });
  if (insertion === 'already') return { edits };
  edits.push({ start: insertion.at, end: insertion.at, text: 'async ' });
  return { edits, addedAsync: functionLabel(fn) };
}

function identifiersBoundTo(sourceFile: SourceFile, text: string, binding: Identifier): Identifier[] {
  const symbol = binding.getSymbol()?.compilerSymbol;
  // In `{ token }` the name's own symbol is the property; the binding it reads is the "value symbol".
  const symbolOf = (id: Identifier) => {
    const parent = id.getParent();
    return (Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : id.getSymbol())?.compilerSymbol;
  };
  return sourceFile
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .filter((id) => id !== binding && id.getText() === text && symbolOf(id) === symbol);
}

/**
 * A client config after the export that creates the same provider again (`credentials: fromContainerMetadata(init)`,
 * as a fix may have written it in place of the resolved value) gets the exported provider instead: one provider,
 * one cache, one refresh.
 */
function sameProviderUses(snapshot: Snapshot, sourceFile: SourceFile): TextEdit[] {
  if (!snapshot.provider) return [];
  return sourceFile
    .getDescendantsOfKind(SyntaxKind.PropertyAssignment)
    .filter(
      (property) =>
        property.getName() === 'credentials' &&
        property.getStart() > snapshot.declaration.end &&
        property.getInitializer()?.getText() === snapshot.provider,
    )
    .map((property) => {
      const value = property.getInitializerOrThrow();
      return { start: value.getStart(), end: value.getEnd(), text: snapshot.newName };
    });
}

/** `require('./x')` / `import('./x')` naming the producer, which the rewrite does not follow. */
function requiresProducer(sourceFile: SourceFile, producer: string): Node | undefined {
  const stem = (path: string) => path.replace(/\.[cm]?[jt]sx?$/, '');
  return sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).find((call) => {
    const callee = call.getExpression();
    const [argument] = call.getArguments();
    const isLoader =
      callee.getKind() === SyntaxKind.ImportKeyword || (Node.isIdentifier(callee) && callee.getText() === 'require');
    return (
      isLoader &&
      Node.isStringLiteral(argument) &&
      argument.getLiteralText().startsWith('.') &&
      stem(resolve(dirname(sourceFile.getFilePath()), argument.getLiteralText())) === stem(producer)
    );
  });
}

/**
 * Plans the rewrite of one exported snapshot across the project: the export becomes a getter (or provider), and
 * every read in the producer and its importers calls it. All or nothing: one read that cannot be rewritten safely
 * blocks the whole rewrite, and each such read is left for a person with the reason.
 */
export function planSnapshotRewrite(
  snapshot: Snapshot,
  project: Project,
  importers: readonly FileState[],
): SnapshotPlan {
  const edits = new Map<FileState, TextEdit[]>();
  const summary: { file: FileState; line: number; description: string }[] = [];
  const reasons: { file: FileState; line: number; column: number; reason: string }[] = [];
  const where = (file: FileState, node: Node) => lineColumnOf(file.text, node.getStart());
  const block = (file: FileState, node: Node, reason: string) => reasons.push({ file, ...where(file, node), reason });
  const add = (file: FileState, more: readonly TextEdit[]) => edits.set(file, [...(edits.get(file) ?? []), ...more]);

  const rewriteUses = (file: FileState, uses: readonly Node[], callee: string) => {
    const asyncAdded = new Set<string>();
    for (const use of uses) {
      const plan = planUse(use, snapshot, callee);
      if (plan.blocked) block(file, use, `\`${snapshot.name}\` cannot become \`${callee}()\` here: ${plan.blocked}`);
      add(file, plan.edits);
      if (plan.addedAsync) asyncAdded.add(plan.addedAsync);
    }
    return asyncAdded;
  };
  const collision = (file: FileState, sourceFile: SourceFile, at: Node, name: string) => {
    const { reads, declared } = names(sourceFile.compilerNode);
    if (declared.has(name) || reads.has(name))
      block(
        file,
        at,
        `the name \`${name}\` is already used in this file, so \`${snapshot.name}\` was not renamed to it`,
      );
  };

  const { producer, sourceFile, name, newName } = snapshot;
  const nameNode = sourceFile.getDescendantAtPos(snapshot.declaration.start) as Identifier;
  collision(producer, sourceFile, nameNode, newName);
  add(producer, [
    { start: snapshot.declaration.start, end: snapshot.declaration.end, text: snapshot.declaration.text },
  ]);
  if (snapshot.keyword) add(producer, [{ ...snapshot.keyword, text: 'const' }]);
  rewriteUses(producer, identifiersBoundTo(sourceFile, name, nameNode), newName);
  add(producer, sameProviderUses(snapshot, sourceFile));
  summary.push({
    file: producer,
    line: where(producer, nameNode).line,
    description: `the exported \`${name}\` became ${snapshot.form === 'getter' ? `the getter \`${newName}()\`, which asks again on every call` : `the provider \`${newName}\`, which clients call again before expiry`}`,
  });

  for (const importer of importers) {
    const importerFile = project.getSourceFile(importer.path);
    if (!importerFile || importer === producer) continue;
    const loader = requiresProducer(importerFile, producer.path);
    if (loader)
      block(importer, loader, `\`${name}\` is loaded with require()/import() here, which the rewrite does not follow`);
    for (const reexport of importerFile.getExportDeclarations()) {
      if (reexport.getModuleSpecifierSourceFile() !== sourceFile) continue;
      if (reexport.isNamespaceExport() || reexport.getNamedExports().some((named) => named.getName() === name)) {
        block(
          importer,
          reexport,
          `\`${name}\` is re-exported here; rewrite the modules that import it from this file by hand`,
        );
      }
    }
    const uses: { uses: Node[]; callee: string }[] = [];
    for (const declaration of importerFile.getImportDeclarations()) {
      if (declaration.getModuleSpecifierSourceFile() !== sourceFile) continue;
      for (const specifier of declaration.getNamedImports()) {
        if (specifier.getName() !== name) continue;
        const alias = specifier.getAliasNode();
        const imported = specifier.getNameNode();
        if (!Node.isIdentifier(imported)) continue;
        const local = alias ? renamed(alias.getText(), snapshot.form) : newName;
        collision(importer, importerFile, specifier, local);
        add(importer, [
          { start: specifier.getStart(), end: specifier.getEnd(), text: alias ? `${newName} as ${local}` : newName },
        ]);
        uses.push({
          uses: identifiersBoundTo(importerFile, (alias ?? imported).getText(), alias ?? imported),
          callee: local,
        });
      }
      const namespace = declaration.getNamespaceImport();
      if (namespace) {
        const reads = identifiersBoundTo(importerFile, namespace.getText(), namespace)
          .map((id) => id.getParent())
          .filter((parent): parent is Node => Node.isPropertyAccessExpression(parent) && parent.getName() === name);
        uses.push({ uses: reads, callee: `${namespace.getText()}.${newName}` });
      }
    }
    const count = uses.reduce((sum, entry) => sum + entry.uses.length, 0);
    if (!count) continue;
    const asyncAdded = new Set<string>();
    for (const entry of uses)
      for (const added of rewriteUses(importer, entry.uses, entry.callee)) asyncAdded.add(added);
    const first = uses.flatMap((entry) => entry.uses)[0];
    summary.push({
      file: importer,
      line: first ? where(importer, first).line : 1,
      description:
        `${count} read${count === 1 ? '' : 's'} of \`${name}\` from ${producer.file} now ${snapshot.form === 'getter' ? `call \`await ${newName}()\`` : `use the provider \`${newName}\``}` +
        (asyncAdded.size ? ` (made ${[...asyncAdded].join(', ')} async; it already returned a Promise)` : ''),
    });
  }
  return reasons.length ? { kind: 'blocked', reasons } : { kind: 'rewrite', edits, summary };
}
