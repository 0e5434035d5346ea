import { formatDuration } from '../../src/analysis/format.js';
import { presignListener } from '../presign-utils/index.js';
import { clampEdit } from '../presign-utils/suggest.js';
import { readSettings } from '../../src/settings.js';
import { JS_ONLY } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';

type MessageId = 'outlivesSession' | 'clampToSession' | 'clampToAssumedSession' | 'clampToObservedSession';

export default createRule<[], MessageId>({
  name: 'presign-within-session',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow presigned URLs that are asked to live longer than the credentials that sign them',
      triggers: ['presign-modules'],
      recommended: 'warn',
      usesTypeInformation: true,
      // The link dies with the session that signs it, so a lifetime clamped to that session (as the code or the
      // settings show it) gives users the same link. Clamping to the session assumed when nothing shows the signer
      // is a guess (long-term keys sign for 7 days; AWS says services that assume a role, such as the Lambda
      // execution role, need not follow the role's session settings:
      // https://repost.aws/knowledge-center/presigned-url-s3-bucket-expiration), so that one stays for a person; so
      // does a clamp to a session whose length is only observed (Lambda, ECS task role: `lengthObserved`), which a
      // longer real session would cut short.
      migrationSafeSuggestions: ['clampToSession'],
    },
    languages: JS_ONLY,
    hasSuggestions: true,
    messages: {
      outlivesSession:
        'This presigned URL asks for {{lifetime}}, but {{session}} that signs it lasts at most {{sessionLifetime}} ({{basis}}), so the link dies after {{sessionLifetime}}.',
      clampToSession: 'Shorten the lifetime to {{target}}: {{replacement}}',
      clampToAssumedSession:
        'If a temporary session signs it, shorten the lifetime to {{target}}: {{replacement}}. Left to you because nothing shows which credentials sign it: long-term keys sign for up to 7 d, and a service role session (Lambda, ECS) need not follow the role settings.',
      clampToObservedSession:
        'Shorten the lifetime to {{target}}, the length {{session}} is usually seen to have: {{replacement}}. Left to you because AWS documents no maximum for it (a session a service assumes for you need not follow the role settings), so a longer session would have kept the link alive longer.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const settings = readSettings(context.settings);
    return presignListener(context, settings, (finding) => {
      if (finding.kind !== 'outlives-session') return;
      const { requested, session } = finding;
      const clamp = clampEdit(context, requested, session.seconds);
      context.report({
        node: finding.node,
        messageId: 'outlivesSession',
        data: {
          lifetime: `${formatDuration(requested.seconds)}${finding.constant ? ` (${finding.constant})` : ''}`,
          session: session.label,
          sessionLifetime: formatDuration(session.seconds),
          basis: session.basis,
        },
        suggest: clamp
          ? [
              {
                messageId:
                  session.from === 'default'
                    ? 'clampToAssumedSession'
                    : session.observed
                      ? 'clampToObservedSession'
                      : 'clampToSession',
                data: session.observed ? { ...clamp.data, session: session.label } : clamp.data,
                fix: clamp.fix,
              },
            ]
          : [],
      });
    });
  },
});
