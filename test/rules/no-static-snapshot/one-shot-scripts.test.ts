import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

// ES modules whose work is top-level awaits that run once (smoke tests, seed and migration scripts): the process
// exits when the last await settles, long before the credentials it resolved once expire. The same script stays
// reported when it leaves something behind that keeps running: a server, a timer, a listener, a started app, an
// endless loop, a page, or the client handed to other modules (an export, the global object).
function findings(code: string): string[] {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.mjs'],
      languageOptions: { parser: tsParser },
      plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
      rules: { 'ce/no-static-snapshot': 'error' },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(code, config, 'smoke.mjs').map((m) => m.messageId ?? m.message);
}

const SCRIPT = `import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
const url = new URL(process.env.API_URL);
const credentials = await defaultProvider()();
const signer = new SignatureV4({ service: 'execute-api', region: 'us-east-1', credentials, sha256: Sha256 });
async function call(path) {
  const request = new HttpRequest({ method: 'GET', protocol: url.protocol, hostname: url.hostname, path, headers: { host: url.hostname } });
  const signed = await signer.sign(request);
  const res = await fetch(new URL(path, url), { headers: signed.headers });
  return res.text();
}
`;

describe('no-static-snapshot: top-level-await scripts that run once', () => {
  it.each([
    ['a smoke script that awaits a few calls and ends', `${SCRIPT}console.log(await call('/health'));`],
    [
      'the same over a fixed list of paths',
      `${SCRIPT}for (const path of ['/health', '/version']) console.log(await call(path));`,
    ],
    [
      'the same with a bounded retry loop',
      `${SCRIPT}let tries = 0;
while (tries < 3) { if (await call('/ready')) break; tries++; }`,
    ],
    [
      'the same awaiting a timeout promise once',
      `${SCRIPT}await new Promise((r) => setTimeout(r, 1000));
console.log(await call('/health'));`,
    ],
  ])('is silent on %s', (_, code) => {
    expect(findings(code)).toEqual([]);
  });

  it.each([
    ['a script that also polls on a timer', `${SCRIPT}setInterval(() => call('/health').then(console.log), 60_000);`],
    [
      'a script that also starts a server',
      `import http from 'node:http';
${SCRIPT}http.createServer(async (req, res) => res.end(await call(req.url))).listen(8080);`,
    ],
    [
      'a module that exports the signer',
      `${SCRIPT}export { signer };
console.log(await call('/health'));`,
    ],
    [
      'a script that also listens for messages',
      `${SCRIPT}process.on('message', async (m) => process.send(await call(m.path)));`,
    ],
    [
      'a script that polls in an endless loop',
      `${SCRIPT}while (true) {
  console.log(await call('/queue'));
  await new Promise((r) => setTimeout(r, 1000));
}`,
    ],
    [
      'a module that publishes the signer on the global object',
      `${SCRIPT}globalThis.apiSigner = signer;
await call('/health');`,
    ],
    [
      'a started app',
      `import bolt from '@slack/bolt';
${SCRIPT}const app = new bolt.App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
app.command('/status', async ({ ack }) => ack(await call('/status')));
await app.start(3000);`,
    ],
    [
      'a browser module (it lives as long as its page)',
      `${SCRIPT}document.getElementById('out').textContent = await call('/health');`,
    ],
  ])('reports %s', (_, code) => {
    expect(findings(code).length).toBeGreaterThan(0);
  });
});
