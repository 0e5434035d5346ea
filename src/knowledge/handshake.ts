import type { ApiRef } from './types.js';

/**
 * Connections that spend a token at their opening handshake and never open again by themselves: the WHATWG
 * `WebSocket` (the browser's global, and the `ws` package's class) sends the URL and headers once, has no
 * reconnection of its own, and an open socket is not closed when the token in its URL expires. Whatever keeps such
 * a socket keeps a connection, not the token: a new socket needs a new URL, and so a token read again. (EventSource
 * is left out: it reconnects by itself with the same URL, replaying the token it was made with.)
 */
export const HANDSHAKE_ONLY_CONNECTIONS = {
  globals: ['WebSocket'],
  apis: [
    { modules: ['ws'], path: [] },
    { modules: ['ws'], path: ['WebSocket'] },
    { modules: ['isomorphic-ws'], path: [] },
  ] satisfies readonly ApiRef[],
  source:
    'https://websockets.spec.whatwg.org/#the-websocket-interface (the opening handshake sends the URL once; no reconnection); websockets/ws: doc/ws.md (new WebSocket(address, protocols, options): options.headers sent with the upgrade request; no auto-reconnect); https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection (EventSource reconnects with the same URL)',
} as const;
