import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import tokenCacheRule from '../../../rules/no-module-token-cache/index.js';
import { createRuleTester } from '../../rule-tester.js';

// okta-react hands a component the current `authState` (the `useOktaAuth()` hook, the `withOktaAuth` props), a new one
// whenever Okta's token manager renews the tokens. `authState.accessToken.accessToken` copied once into state, or
// into an API client kept there, is a snapshot. Look-alikes: the auth state read where the token is used, the same
// names in a file without Okta, the ID token's claims.
const lines = (...text: string[]) => text.join('\n');

const HOOK_STATE = lines(
  `import { useEffect, useState } from 'react';`,
  `import { useOktaAuth } from '@okta/okta-react';`,
  'export function useOrders() {',
  '  const { authState } = useOktaAuth();',
  '  const [token, setToken] = useState(null);',
  '  useEffect(() => {',
  '    if (authState?.isAuthenticated) setToken(authState.accessToken.accessToken);',
  '  }, []);',
  "  return () => fetch('/api/orders', { headers: { Authorization: `Bearer ${token}` } });",
  '}',
);

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    code: HOOK_STATE,
    errors: [
      {
        messageId: 'identityTokenKept',
        line: 7,
        data: {
          what: 'an Okta access token of the auth state (`authState.accessToken.accessToken`)',
          where:
            'in component state `token`, which every later render and handler reads while the component is mounted',
          lifetime: 'after its expiresAt (1 h on the org authorization server, 5 min to 24 h as configured)',
          symptom: '401 Unauthorized (invalid_token)',
          fix: 'Read `authState.accessToken.accessToken` (or call `oktaAuth.getAccessToken()`) where the token is used: the auth state follows the token manager, which renews the token before it expires.',
        },
      },
    ],
  },
];

const valid: ValidTestCase<[]>[] = [
  // The auth state of the current render read where the token is used.
  {
    code: lines(
      `import { useOktaAuth } from '@okta/okta-react';`,
      'export function useOrders() {',
      '  const { authState } = useOktaAuth();',
      "  return () => fetch('/api/orders', { headers: { Authorization: `Bearer ${authState.accessToken.accessToken}` } });",
      '}',
    ),
  },
  // The same names in a file without Okta: the app's own auth state.
  {
    code: HOOK_STATE.replace(
      `import { useOktaAuth } from '@okta/okta-react';`,
      `import { useOktaAuth } from './auth';`,
    ),
  },
  // Not the token: a claim of the ID token.
  { code: HOOK_STATE.replace('authState.accessToken.accessToken', 'authState.idToken.claims.email') },
  // A test file (testCode: 'skip' by default).
  { code: HOOK_STATE, filename: 'src/orders.test.ts' },
];

createRuleTester().run('no-static-snapshot (Okta auth state token kept)', snapshotRule, { valid, invalid });

// One defect, one report: no-module-token-cache leaves the copy to no-static-snapshot.
createRuleTester().run('no-module-token-cache (Okta auth state token: the split)', tokenCacheRule, {
  valid: [{ code: HOOK_STATE }],
  invalid: [],
});
