import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findPropertyPath } from '../../src/analysis/ast.js';
import { formatDuration } from '../../src/analysis/format.js';
import { ModuleRefs, reachesKnowledge } from '../../src/analysis/module-refs.js';
import { type NumberSource, staticNumberSource } from '../../src/analysis/static-value.js';
import { clampedText } from '../presign-utils/clamp.js';
import { assumeRoleCall, isAssumeRoleModule } from './calls.js';
import { roleCeilings } from './ceiling.js';
import { ASSUME_ROLE_LIMITS, SHORTEST_SESSION_SECONDS } from '../../src/knowledge/index.js';
import { readSettings } from '../../src/settings.js';
import { JS_ONLY } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';

type MessageId = 'aboveCeiling' | 'aboveAnyRole' | 'belowMinimum' | 'lowerToCeiling';

export default createRule<[], MessageId>({
  name: 'session-duration-within-role',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow assume-role session lengths that STS refuses: above the role chaining cap or the role's MaxSessionDuration",
      recommended: 'error',
      triggers: ['assume-role-modules'],
    },
    languages: JS_ONLY,
    hasSuggestions: true,
    messages: {
      aboveCeiling:
        '{{call}} asks for a {{requested}} session ({{property}}), but {{basis}}: STS refuses it with "{{failure}}".',
      aboveAnyRole:
        '{{call}} asks for a {{requested}} session ({{property}}), more than the 12 h any role allows: STS refuses it with "{{failure}}".',
      belowMinimum:
        '{{call}} asks for a {{requested}} session ({{property}}), less than the 15 min minimum: STS refuses it.',
      lowerToCeiling: 'Lower {{property}} to {{target}}: {{replacement}}',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const settings = readSettings(context.settings);
    if (!reachesKnowledge(context.sourceCode, isAssumeRoleModule)) return {};
    const refs = ModuleRefs.for(context.sourceCode);
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      const call = assumeRoleCall(node, refs, context);
      const option = call?.options && findPropertyPath(call.options, call.duration);
      const requested = option && staticNumberSource(option.value, context);
      if (!call || !option || !requested) return;
      const name = `\`${call.name}\``;
      const lifetime = formatDuration(requested.value);
      const property = call.duration.join('.');
      const { largestSeconds, failure } = ASSUME_ROLE_LIMITS.roleMaximum;
      if (requested.value < SHORTEST_SESSION_SECONDS) {
        context.report({
          node: requested.node,
          messageId: 'belowMinimum',
          data: { call: name, requested: lifetime, property },
        });
        return;
      }
      const [ceiling] = roleCeilings(call, context, settings).filter((c) => requested.value > c.seconds);
      if (ceiling) {
        const edit = lowerEdit(context.sourceCode.getText(requested.node), requested, ceiling.seconds);
        context.report({
          node: requested.node,
          messageId: 'aboveCeiling',
          data: { call: name, requested: lifetime, property, basis: ceiling.basis, failure: ceiling.failure },
          suggest: edit
            ? [
                {
                  messageId: 'lowerToCeiling',
                  data: { property, target: edit.target, replacement: edit.replacement },
                  fix: edit.fix,
                },
              ]
            : [],
        });
      } else if (requested.value > largestSeconds) {
        context.report({
          node: requested.node,
          messageId: 'aboveAnyRole',
          data: { call: name, requested: lifetime, property, failure },
        });
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
});

/** Rewrites the duration in its own style (`4 * 60 * 60` → `1 * 60 * 60`); none for a name, which should be changed where it is declared. */
function lowerEdit(text: string, requested: NumberSource, seconds: number) {
  const { node } = requested;
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) return null;
  const replacement = clampedText(node, text, seconds, 1);
  return {
    target: formatDuration(seconds),
    replacement,
    fix: ((fixer) => fixer.replaceText(node, replacement)) satisfies TSESLint.ReportFixFunction,
  };
}
