import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';

// Tokens a login widget hands to the app once, at sign-in (Auth0 Lock's `authenticated` event, react-google-login's
// `onSuccess`), kept where they outlive it: a module variable filled through a method of the app's auth object, or a
// field of the component mounted as the page's root, which lives as long as the page. Each reported case sits next
// to look-alikes that stay silent: the expiry kept and checked, another event, a component that is not the root.
const lines = (...text: string[]) => text.join('\n');

function reported(code: string): number[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.jsx'],
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: 'module',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        plugins: { ce: { rules: { 'no-module-token-cache': rule as unknown as Rule.RuleModule } } },
        rules: { 'ce/no-module-token-cache': 'error' },
      },
    ],
    'file.jsx',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.line);
}

const LOCK = lines(
  "import Auth0Lock from 'auth0-lock';",
  "const lock = new Auth0Lock('client-id', 'example.auth0.com');",
  'let token = null;',
);
const authObject = (...body: string[]) =>
  lines(
    'const auth = {',
    ...body,
    '  header() {',
    '    return token ? `Bearer ${token}` : "";',
    '  },',
    '};',
    'export default auth;',
  );

const GOOGLE_COMPONENT = (mount: string, poll: string) =>
  lines(
    "import React from 'react';",
    "import ReactDOM from 'react-dom';",
    "import GoogleLogin from 'react-google-login';",
    'class Dashboard extends React.Component {',
    '  poll = async () => {',
    poll,
    "    await fetch('https://datastore.googleapis.com/v1/projects/p:runQuery', { headers: { Authorization: 'Bearer ' + this.token } });",
    '  };',
    '  onLogin = (response) => {',
    '    this.token = response.accessToken;',
    '    this.expiresAt = response.tokenObj.expires_at;',
    '    setInterval(this.poll, 1500);',
    '  };',
    '  render() {',
    '    return <GoogleLogin clientId="example.apps.googleusercontent.com" onSuccess={this.onLogin} />;',
    '  }',
    '}',
    mount,
  );

describe('no-module-token-cache: tokens handed over by login widgets', () => {
  it('reported: an Auth0 Lock ID token kept in module scope through a method of the auth object', () => {
    expect(
      reported(
        lines(
          LOCK,
          authObject('  setToken(idToken) {', '    token = idToken;', '  },'),
          "lock.on('authenticated', (authResult) => auth.setToken(authResult.idToken));",
        ),
      ),
    ).toEqual([6]);
  });

  it('silent: the same token kept with its expiresIn and dropped once it passes', () => {
    expect(
      reported(
        lines(
          LOCK,
          'let expiresAt = 0;',
          authObject(
            '  setToken(result) {',
            '    token = result.idToken;',
            '    expiresAt = Date.now() + result.expiresIn * 1000;',
            '  },',
            '  current() {',
            '    if (Date.now() >= expiresAt) { token = null; lock.show(); }',
            '    return token;',
            '  },',
          ),
          "lock.on('authenticated', (authResult) => auth.setToken(authResult));",
        ),
      ),
    ).toEqual([]);
  });

  it("silent: a listener of another event, and an object that is not Auth0 Lock's", () => {
    expect(
      reported(
        lines(
          LOCK,
          "import { EventEmitter } from 'node:events';",
          'const bus = new EventEmitter();',
          authObject('  setToken(idToken) {', '    token = idToken;', '  },'),
          "lock.on('hide', (result) => auth.setToken(result.idToken));",
          "bus.on('authenticated', (authResult) => auth.setToken(authResult.idToken));",
        ),
      ),
    ).toEqual([]);
  });

  it('reported: a Google access token kept on the component mounted as the page root and used by a poll', () => {
    expect(reported(GOOGLE_COMPONENT("ReactDOM.render(<Dashboard />, document.getElementById('root'));", ''))).toEqual([
      7,
    ]);
  });

  it('silent: the root component checks the token expiry before each poll', () => {
    expect(
      reported(
        GOOGLE_COMPONENT(
          "ReactDOM.render(<Dashboard />, document.getElementById('root'));",
          '    if (Date.now() >= this.expiresAt) return this.setState({ signedIn: false });',
        ),
      ),
    ).toEqual([]);
  });

  it('silent: the same component exported for a parent to mount (its life is not known here)', () => {
    expect(reported(GOOGLE_COMPONENT('export default Dashboard;', ''))).toEqual([]);
  });
});
