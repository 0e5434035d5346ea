import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';
import { reportedLines } from '../lint-with-rule.js';

// A call named for a token (NAMED_TOKEN_CALL_PATTERN) of another module, settled through `.then` rather than `await`:
// the callback's parameter is the token, counted (as for `await`) only when the keeper's reads send it as a credential.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => reportedLines('no-module-token-cache', rule, code);

const KEEP = (send: string) =>
  lines(
    "import { auth } from './auth.js';",
    'let bearer = null;',
    'export function start() {',
    '  auth.getAccessToken().then((t) => {',
    '    bearer = t;',
    '  });',
    '}',
    `export const call = (url) => fetch(url, { headers: { ${send} } });`,
  );

describe('no-module-token-cache: a named token call settled through .then', () => {
  it('reports the kept token when later requests send it as a bearer', () => {
    expect(reported(KEEP('Authorization: `Bearer ${bearer}`'))).toEqual([5]);
  });

  it('stays silent when the kept value is not sent as a credential', () => {
    expect(reported(KEEP("'X-Signed-In': String(bearer !== null)"))).toEqual([]);
  });

  it('stays silent when the callback parameter is not the settled value (a second parameter)', () => {
    const code = KEEP('Authorization: `Bearer ${bearer}`').replace('.then((t) => {', '.then((_, t) => {');
    expect(reported(code)).toEqual([]);
  });
});
