import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { ModuleRefs, moduleSpecifiers, reachesKnowledge } from '../../src/analysis/module-refs.js';
import { skipsTestCode } from '../../src/analysis/test-code.js';
import { type Presigner, SHORTEST_SESSION_SECONDS } from '../../src/knowledge/index.js';
import type { ResolvedSettings } from '../../src/settings.js';
import { applicableMaximum, constantName, type Requested, requestedLifetime } from './lifetime.js';
import { isPresignModule, presignerOf } from './match.js';
import { type SigningSession, signingSession } from './session.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Duration = Extract<Requested, { kind: 'duration' }>;

/** One problem with a presign call. Both presign rules run the same check and keep their own kinds. */
type PresignFinding = {
  readonly presigner: Presigner;
  readonly node: TSESTree.Node;
  /** The constant that writes the lifetime, when one names it (`TEN_YEARS_MS`, `linkLifetime`). */
  readonly constant?: string;
} & (
  | { readonly kind: 'above-maximum'; readonly requested: Duration; readonly maximum: number }
  | { readonly kind: 'time-as-duration'; readonly requested: Extract<Requested, { kind: 'time-as-duration' }> }
  | { readonly kind: 'outlives-session'; readonly requested: Duration; readonly session: SigningSession }
);

/**
 * Visits every presign call in the file and reports what is wrong with its lifetime. A lifetime above the service
 * maximum is reported as that alone (it fails outright, whatever signs it); values that cannot be evaluated
 * statically, defaults, and lifetimes up to the shortest STS session are never reported. Test code (under the default
 * `testCode: 'skip'`) is not checked: its presign calls run against stubs, often to assert that a bad lifetime throws.
 */
export function presignListener(
  context: Context,
  settings: ResolvedSettings,
  onFinding: (finding: PresignFinding) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  if (skipsTestCode(context) || !reachesKnowledge(sourceCode, isPresignModule)) return {};
  const refs = ModuleRefs.for(sourceCode);
  const imported = moduleSpecifiers(sourceCode);
  return {
    CallExpression(call) {
      const presigner = presignerOf(call, refs, imported);
      const requested = presigner && requestedLifetime(call, presigner, context);
      if (!presigner || !requested) return;
      const node = findingNode(call, requested);
      // A number written in the call itself needs no name; one written elsewhere is found by its name.
      const constant = within(requested.source.node, requested.valueNode) ? undefined : constantName(requested.source);
      const named = constant ? { constant } : {};
      if (requested.kind === 'time-as-duration') {
        if (presigner.expiry.pastFailure) onFinding({ kind: 'time-as-duration', presigner, node, requested, ...named });
        return;
      }
      const maximum = applicableMaximum(call, presigner, context);
      if (maximum !== undefined && requested.seconds > maximum) {
        onFinding({ kind: 'above-maximum', presigner, node, requested, maximum, ...named });
        return;
      }
      if (requested.seconds <= SHORTEST_SESSION_SECONDS) return;
      const session = signingSession(call, presigner, context, refs, settings);
      if (session && requested.seconds > session.seconds)
        onFinding({ kind: 'outlives-session', presigner, node, requested, session, ...named });
    },
  };
}

/** `node` is `outer` or part of it (`8 * 864e5` in `expires: Date.now() + 8 * 864e5`). */
function within(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

/**
 * Where to point: the expression that writes the number when it sits in the same function as the call (the
 * `?? 7 * 24 * 3600` default a few lines up) or is passed in by a caller in this file (the caller's value is what
 * to change), else the lifetime as written in the call (a shared constant may be used by many calls).
 */
function findingNode(call: TSESTree.Node, requested: Requested): TSESTree.Node {
  const { node } = requested.source;
  const viaParameter = requested.kind === 'duration' && requested.viaParameter;
  return viaParameter || enclosingFunction(node) === enclosingFunction(call) ? node : requested.valueNode;
}
