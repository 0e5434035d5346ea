import { describe, expect, it } from 'vitest';
import { reportedLines } from '../lint-with-rule.js';
import rule from '../../../rules/no-module-token-cache/index.js';
import snapshotRule from '../../../rules/no-static-snapshot/index.js';

// A module that keeps a WebSocket, not the token: the token in the socket's URL (or upgrade headers) is spent when
// the socket opens, the WHATWG WebSocket never reconnects by itself, and each connect reads a fresh token. Keeping
// the token itself, or an EventSource (it reconnects with the URL it was given), stays reported. The token here is
// Amplify's, which its SDK renews when asked again: a kept copy is no-static-snapshot's (the split is by source),
// reported at the module variable; no-module-token-cache reports none of these.
const lines = (...text: string[]) => text.join('\n');
const reported = (code: string) => ({
  A: reportedLines('no-static-snapshot', snapshotRule, code),
  B: reportedLines('no-module-token-cache', rule, code),
});

const AMPLIFY = "import { Auth } from 'aws-amplify';";
const FRESH_TOKEN = '  const idToken = (await Auth.currentSession()).getIdToken().getJwtToken();';
/** A live-results module: `open` builds the socket from `token`, `onClose` is what its close handler does. */
const liveSocket = (open: string, onClose = '    socket = null;\n    connect();', before: string[] = []) =>
  lines(
    AMPLIFY,
    ...before,
    'let socket = null;',
    'export const connect = async () => {',
    '  if (socket) return;',
    FRESH_TOKEN,
    `  socket = ${open};`,
    '  socket.onmessage = (message) => console.log(message.data);',
    '  socket.onclose = () => {',
    onClose,
    '  };',
    '};',
  );

const cases: { name: string; code: string; lines: { A: number[]; B: number[] } }[] = [
  {
    name: 'the browser WebSocket opened with a fresh token at each connect',
    code: liveSocket('new WebSocket(`${process.env.LIVE_URL}?token=${idToken}`)'),
    lines: { A: [], B: [] },
  },
  {
    name: 'a ws socket whose upgrade request carries a fresh bearer token',
    code: liveSocket(
      'new WebSocket(process.env.LIVE_URL, { headers: { Authorization: `Bearer ${idToken}` } })',
      '    socket = null;',
      ["import WebSocket from 'ws';"],
    ),
    lines: { A: [], B: [] },
  },
  {
    name: 'an EventSource, which reconnects by itself with the URL (and the token) it was made with',
    code: liveSocket('new EventSource(`${process.env.LIVE_URL}?token=${idToken}`)', '    socket = null;'),
    lines: { A: [2], B: [] },
  },
  {
    name: 'the token itself kept in module scope and reused for every reconnect',
    code: lines(
      AMPLIFY,
      'let idToken = null;',
      'let socket = null;',
      'export const connect = async () => {',
      '  if (socket) return;',
      '  idToken ??= (await Auth.currentSession()).getIdToken().getJwtToken();',
      '  socket = new WebSocket(`${process.env.LIVE_URL}?token=${idToken}`);',
      '  socket.onclose = () => {',
      '    socket = null;',
      '    connect();',
      '  };',
      '};',
    ),
    lines: { A: [2], B: [] },
  },
];

describe('no-module-token-cache: sockets that spend the token at their handshake', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reported(c.code)).toEqual(c.lines);
    });
  }
});
