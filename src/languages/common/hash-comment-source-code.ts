import { maskSecretsInText } from '../../analysis/secret-mask.js';
import type { DirectiveType, FileProblem, RulesConfig, SourceLocation } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { CommentNode, NodeBase } from './ast.js';
import { tolerateForeignRules } from './foreign-rules.js';
import { LINE_BREAK } from './line-index.js';

const commentParser = new ConfigCommentParser();
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

type VisitorKeys = Readonly<Record<string, readonly string[]>>;

class HashCommentTraversalStep extends VisitNodeStep {
  declare target: NodeBase;
}

/**
 * SourceCode for languages whose comments start with `#` (Dockerfile, .env), modelled on @eslint/json's
 * JSONSourceCode: inline `# eslint-disable...` / `# eslint ...` comments, parents, and a cached traversal
 * driven by the language's visitor keys.
 */
export class HashCommentSourceCode<Root extends NodeBase> extends TextSourceCodeBase<{
  LangOptions: Record<string, never>;
  RootNode: Root;
  SyntaxElementWithLoc: NodeBase;
  ConfigNode: CommentNode;
}> {
  readonly comments: readonly CommentNode[];
  /** Read by ESLint's traverser before the language's own keys (which may load a parser). */
  readonly visitorKeys: Record<string, string[]>;
  readonly #parents = new WeakMap<NodeBase, NodeBase>();
  #steps: HashCommentTraversalStep[] | undefined;
  #inlineConfigComments: CommentNode[] | undefined;

  /** `fileKind` names the files in messages to rules from other configs ("Dockerfile"). */
  constructor({
    text,
    ast,
    comments,
    visitorKeys,
    fileKind,
  }: {
    text: string;
    ast: Root;
    comments: readonly CommentNode[];
    visitorKeys: VisitorKeys;
    fileKind: string;
  }) {
    super({ text, ast, lineEndingPattern: LINE_BREAK });
    this.comments = comments;
    // Never mutated; ESLint's SourceCode type spells the arrays mutable.
    this.visitorKeys = visitorKeys as Record<string, string[]>;
    tolerateForeignRules(this, fileKind);
  }

  getInlineConfigNodes(): CommentNode[] {
    this.#inlineConfigComments ??= this.comments.filter((comment) => INLINE_CONFIG.test(comment.value));
    return this.#inlineConfigComments;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (
        label === 'eslint-disable' ||
        label === 'eslint-enable' ||
        label === 'eslint-disable-next-line' ||
        label === 'eslint-disable-line'
      ) {
        directives.push(
          new Directive({ type: label.slice('eslint-'.length) as DirectiveType, node: comment, value, justification }),
        );
      }
    }
    // `#` comments never span lines, so the multi-line `eslint-disable-line` problem of JSON cannot occur.
    return { problems: [], directives };
  }

  applyInlineConfig(): { problems: FileProblem[]; configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] } {
    const problems: FileProblem[] = [];
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: maskSecretsInText(result.error.message), loc: comment.loc });
    }
    return { problems, configs };
  }

  override getParent(node: NodeBase): NodeBase | undefined {
    if (!this.#steps) this.traverse();
    return this.#parents.get(node);
  }

  override traverse(): Iterable<HashCommentTraversalStep> {
    // The AST never changes after parse(), so the steps are computed once.
    if (!this.#steps) {
      const steps: HashCommentTraversalStep[] = [];
      const visit = (node: NodeBase, parent: NodeBase | undefined): void => {
        if (parent) this.#parents.set(node, parent);
        steps.push(new HashCommentTraversalStep({ target: node, phase: 1, args: [node, parent] }));
        for (const key of this.visitorKeys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          for (const item of Array.isArray(child) ? child : [child]) {
            if (isNode(item)) visit(item, node);
          }
        }
        steps.push(new HashCommentTraversalStep({ target: node, phase: 2, args: [node, parent] }));
      };
      visit(this.ast, undefined);
      this.#steps = steps;
    }
    return this.#steps.values();
  }
}

function isNode(value: unknown): value is NodeBase {
  return typeof value === 'object' && value !== null && typeof (value as NodeBase).type === 'string';
}
