import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

// Resolved credentials reach an object of any library built once, however the options are put together: here merged
// into an options object with `Object.assign` (a connector's output, as aws-elasticsearch-connector returns). Each
// invalid case sits next to a look-alike that must stay silent.
function lines(code: string): number[] {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { ce: { rules: { 'no-static-snapshot': rule } } },
      rules: { 'ce/no-static-snapshot': 'error' },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(code, config, 'search.ts').map((m) => m.line);
}

const HEAD = `import createConnector from 'aws-elasticsearch-connector';
import { Client } from '@elastic/elasticsearch';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
const provider = fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN } });`;

describe('no-static-snapshot: options merged with Object.assign into an object built once', () => {
  it.each([
    [
      'a client kept in module scope',
      `${HEAD}
let client;
export async function search() {
  if (client) return client;
  const options = { node: process.env.ES_NODE };
  const credentials = await provider();
  Object.assign(options, createConnector({ region: 'eu-west-1', credentials }));
  client = new Client(options);
  return client;
}`,
      [9],
    ],
    [
      'a client promise memoised in a module Map',
      `${HEAD}
const clients = new Map();
export function search(key) {
  const build = async () => {
    const options = { node: process.env.ES_NODE };
    Object.assign(options, createConnector({ region: 'eu-west-1', credentials: await provider() }));
    return new Client(options);
  };
  if (!clients.has(key)) clients.set(key, build());
  return clients.get(key);
}`,
      [9],
    ],
  ])('reports %s', (_, code, expected) => {
    expect(lines(code)).toEqual(expected);
  });

  it.each([
    [
      'the connector given the provider itself',
      `${HEAD}
let client;
export function search() {
  const options = { node: process.env.ES_NODE };
  Object.assign(options, createConnector({ region: 'eu-west-1', credentials: provider }));
  client ??= new Client(options);
  return client;
}`,
    ],
    [
      'a client built per request from the merged options',
      `${HEAD}
export async function search(query) {
  const options = { node: process.env.ES_NODE };
  Object.assign(options, createConnector({ region: 'eu-west-1', credentials: await provider() }));
  return new Client(options).search(query);
}`,
    ],
    [
      'a local function named assign, not the global Object',
      `${HEAD}
const Object = { assign: (target) => target };
let client;
export async function search() {
  const options = { node: process.env.ES_NODE };
  Object.assign(options, await provider());
  client = new Client(options);
  return client;
}`,
    ],
  ])('stays silent on %s', (_, code) => {
    expect(lines(code)).toEqual([]);
  });
});
