// What HeldValues can find in an expression besides a Held (a response on its way, resolved credentials), and what
// its parts (held-*.ts) ask of it.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type SessionId } from '../knowledge/index.js';
import { type Held } from './held.js';
import { type HttpRequest } from './http-request.js';
import { type ModuleRefs } from './module-refs.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

/** A hand-written HTTP request on its way to a token: the response, then its body. */
export interface Http {
  readonly kind: 'http';
  readonly stage: 'response' | 'body';
  readonly request: HttpRequest;
  /** The body passed through a helper we cannot see (`decrypt(res.data)`): only its token fields are known. */
  readonly opaque?: boolean;
}

/**
 * Credentials resolved once from a v3 provider (`await fromNodeProviderChain()()`), followed only to see what is
 * built from them: a signer of the file's own (`new TokenSigner({ credentials })`) whose methods mint tokens. The
 * credentials themselves are no-static-snapshot's to report.
 */
export interface Resolved {
  readonly kind: 'resolved';
  readonly promise: boolean;
  readonly signer: boolean;
  readonly source: string;
  readonly session: SessionId;
  /** A lifetime in seconds given to the signer (`expiresIn: 900`). */
  readonly expiresIn?: number;
}

export type Value = Held | Http | Resolved;

// Each await, call, member read and binding is one step: a fetch, its `.json()`, a local and a field is already 7; a
// token three option levels deep in a connection built by a helper from another helper's result is 14.
export const MAX_DEPTH = 16;
export const MAX_LITERAL_ENTRIES = 8;

/** The reader the parts of HeldValues share: what a node holds, one member of it, and the file's imports. */
export interface ValueReader {
  readonly context: Context;
  readonly refs: ModuleRefs;
  valueOf(node: Node, depth: number): Value | null;
  member(object: Value, name: string): Value | null;
  imports(modules: readonly string[]): boolean;
  /** The file imports an HTTP client module (HTTP_CLIENTS); asked once per file. */
  importsHttpClient(): boolean;
  /** What a callback's parameter is bound to (`p.then((r) => ...)`). */
  bind(variable: Variable, value: Value): void;
}

export function firstOf<T>(nodes: readonly T[], value: (node: T) => Value | null): Value | null {
  for (const node of nodes) {
    const found = value(node);
    if (found) return found;
  }
  return null;
}
