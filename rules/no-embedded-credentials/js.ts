import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import { staticPropertyName } from '../../src/analysis/ast.js';
import { assessValues, type CredentialFinding, type ValueSite } from '../../src/analysis/credential-sites.js';
import { bundledCredential, credentialNameKind, MIN_CREDENTIAL_LENGTH } from '../../src/analysis/secret-scan.js';
import { mayHoldSecretShape, mayNameBundledEnv } from '../../src/analysis/text-gate.js';
import { type EmbeddedContext, type ReportProblem, reportFindings } from './context.js';
import { stringsNearCredentialNames, stringValueOf } from './named-strings.js';

type Site = ValueSite<TSESTree.Node | TSESTree.Comment>;

/** `process.env.X` / `import.meta.env.X`: the env object a bundler replaces at build time. */
function isEnvObject(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(node) !== 'env') return false;
  const { object } = node;
  return (
    (object.type === AST_NODE_TYPES.Identifier && object.name === 'process') ||
    object.type === AST_NODE_TYPES.MetaProperty
  );
}

/** The name a string is stored under: an object key, an assignment target, a variable. */
export function storedUnder(node: TSESTree.Node): { name: string | null; siblings?: Set<string> } {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) {
    const object = parent.parent;
    const siblings =
      object?.type === AST_NODE_TYPES.ObjectExpression
        ? new Set(
            object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [staticPropertyName(p) ?? ''] : [])),
          )
        : undefined;
    return { name: staticPropertyName(parent), ...(siblings ? { siblings } : {}) };
  }
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === node &&
    parent.left.type === AST_NODE_TYPES.MemberExpression
  ) {
    return { name: staticPropertyName(parent.left) };
  }
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    return { name: parent.id.name };
  }
  return { name: null };
}

/**
 * Where a secret found inside a longer text starts (a key in a JSDoc block, a JWT in a template): its own line, not
 * the first line of the comment. Only where the source text is the value as written (comments, strings without
 * escapes); elsewhere the node's own location.
 */
function secretLoc(
  context: EmbeddedContext,
  finding: CredentialFinding<TSESTree.Node | TSESTree.Comment>,
): TSESLint.AST.SourceLocation | undefined {
  const { node, index, secret } = finding;
  if (index === undefined || index === 0) return undefined;
  const text = context.sourceCode.text;
  // `//` and `/*` take two characters; a template element and a string literal one (the backtick, `}` or quote).
  const start =
    node.range[0] + (node.type === AST_TOKEN_TYPES.Line || node.type === AST_TOKEN_TYPES.Block ? 2 : 1) + index;
  if (text.slice(start, start + secret.length) !== secret) return undefined;
  return {
    start: context.sourceCode.getLocFromIndex(start),
    end: context.sourceCode.getLocFromIndex(start + secret.length),
  };
}

/**
 * no-embedded-credentials in JS/TS: credential strings (and comments) — key ids only with their secret nearby,
 * session tokens and secrets under credential names, `ya29.` tokens, private keys, JWTs with a known `exp` — and
 * reads of env names that a bundler inlines into browser code.
 */
export function checkJs(context: EmbeddedContext, report: ReportProblem) {
  const sites: Site[] = [];
  // Without a secret's marker in the text, no value has a secret's shape and no key id is there to pair with: only
  // values stored under a credential name can be reported, and comments not at all (most files that open this rule
  // do so for a credential name in code that never holds a value).
  const shapes = mayHoldSecretShape(context.sourceCode.text);
  // Most strings in code are short; none under MIN_CREDENTIAL_LENGTH can be reported or pair with a key id.
  const addString = (node: TSESTree.Node, value: string): void => {
    if (value.length < MIN_CREDENTIAL_LENGTH) return;
    const stored = storedUnder(node);
    if (shapes || (stored.name !== null && credentialNameKind(stored.name, stored.siblings) !== undefined))
      sites.push({ node, value, line: node.loc.start.line, ...stored });
  };
  const reportBundled = (node: TSESTree.Node, name: string | null): void => {
    const bundled = name === null ? undefined : bundledCredential(name);
    if (bundled) report({ node, messageId: 'bundledCredential', data: { name: name!, bundler: bundled.bundler } });
  };

  // The reads of bundler-inlined env names: every member expression and declarator of the file, so only where the
  // text can spell such a name (most files that open this rule do so for a credential name or a secret's shape).
  const bundledEnvReads = mayNameBundledEnv(context.sourceCode.text)
    ? {
        MemberExpression(node: TSESTree.MemberExpression) {
          if (isEnvObject(node.object)) reportBundled(node, staticPropertyName(node));
        },
        VariableDeclarator(node: TSESTree.VariableDeclarator) {
          if (node.init && node.id.type === AST_NODE_TYPES.ObjectPattern && isEnvObject(node.init)) {
            for (const property of node.id.properties)
              if (property.type === AST_NODE_TYPES.Property) reportBundled(property, staticPropertyName(property));
          }
        },
      }
    : {};

  const reportSites = (): void =>
    reportFindings(
      report,
      assessValues(sites, { loneTemporaryKeyIds: false, bundledNames: false }),
      undefined,
      (finding) => secretLoc(context, finding),
    );

  // Without a shape, only strings stored under a credential name are sites: found from the names in the text, not by
  // a listener on every literal of the file.
  if (!shapes)
    return {
      ...bundledEnvReads,
      'Program:exit'() {
        for (const node of stringsNearCredentialNames(context.sourceCode)) addString(node, stringValueOf(node)!);
        reportSites();
      },
    };

  return {
    Literal(node: TSESTree.Literal) {
      const value = stringValueOf(node);
      if (value !== undefined) addString(node, value);
    },
    TemplateLiteral(node: TSESTree.TemplateLiteral) {
      if (node.expressions.length === 0) addString(node, stringValueOf(node)!);
      else {
        // Parts of a template with expressions are stored under no name: they count only by their shape.
        for (const quasi of node.quasis) {
          const value = quasi.value.cooked ?? quasi.value.raw;
          if (value.length >= MIN_CREDENTIAL_LENGTH)
            sites.push({ node: quasi, name: null, value, line: quasi.loc.start.line });
        }
      }
    },
    ...bundledEnvReads,
    'Program:exit'() {
      for (const comment of context.sourceCode.getAllComments()) {
        if (comment.value.length >= MIN_CREDENTIAL_LENGTH)
          sites.push({ node: comment, name: null, value: comment.value, line: comment.loc.start.line });
      }
      reportSites();
    },
  };
}
