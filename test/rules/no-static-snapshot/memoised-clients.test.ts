import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-static-snapshot/index.js';

// A provider factory resolved once and the client built from the value memoised on the instance, however the memo is
// written (`??=`, `if (!this.client)`, a class field) and however the options reach the client (a configuration
// helper called through an awaited wrapper such as `await runAction(async () => build())`). Each shape sits next to
// look-alikes that must stay silent: the provider itself handed over, the client built per call.
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
  const messages = linter.verify(code, config, 'logs.ts');
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.line);
}

const FACTORIES = ['fromProcess({ profile })', 'fromSSO({ profile })', 'fromIni({ profile })'];
const CLIENTS = ['CloudWatchLogsClient', 'S3Client'];
const head = (client: string) => `import { fromIni, fromProcess, fromSSO } from '@aws-sdk/credential-providers';
import { ${client} } from '@aws-sdk/client-${client === 'S3Client' ? 's3' : 'cloudwatch-logs'}';
import { runAction } from './utils';`;
const helper = (factory: string) => `async function configure(profile: string) {
  const credentials = await ${factory}();
  return { credentials, region: 'us-east-1' };
}`;

const kept = (client: string, factory: string): [string, string, number][] => [
  [
    `${client} memoised with if (!this.client), options from a helper run by an awaited wrapper`,
    `${head(client)}
export class Logs {
  private client: ${client} | undefined;
  constructor(private readonly pick: () => Promise<string>) {}
  private async resolveClient() {
    if (!this.client) {
      const configuration = await runAction(async () => configure(await this.pick()), { throwable: true });
      this.client = new ${client}(configuration);
    }
    return this.client;
  }
}
${helper(factory)}`,
    16,
  ],
  [
    `${client} memoised with ??=`,
    `${head(client)}
export class Logs {
  private client?: ${client};
  constructor(private readonly profile: string) {}
  async get() {
    const profile = this.profile;
    this.client ??= new ${client}({ credentials: await ${factory}() });
    return this.client;
  }
}`,
    9,
  ],
  [
    `${client} in a class field filled from a helper`,
    `${head(client)}
export class Logs {
  private client = this.build('dev');
  private async build(profile: string) {
    return new ${client}(await configure(profile));
  }
  async get() { return this.client; }
}
${helper(factory)}`,
    12,
  ],
];

const silent = (client: string, factory: string): [string, string][] => [
  [
    `the provider ${factory.split('(')[0]} handed over to a memoised ${client}`,
    `${head(client)}
export class Logs {
  private client?: ${client};
  constructor(private readonly profile: string) {}
  async get() {
    const profile = this.profile;
    this.client ??= new ${client}({ credentials: ${factory} });
    return this.client;
  }
}`,
  ],
  [
    `${client} built per call through the awaited wrapper`,
    `${head(client)}
export class Logs {
  constructor(private readonly pick: () => Promise<string>) {}
  async describe() {
    const configuration = await runAction(async () => configure(await this.pick()), { throwable: true });
    return new ${client}(configuration).config.region();
  }
}
${helper(factory)}`,
  ],
  [
    'a callback handed to a call that is not awaited (a timer), its result never used',
    `${head(client)}
export class Logs {
  private client?: ${client};
  start() {
    setTimeout(async () => configure('dev'), 1000);
    this.client = new ${client}({ region: 'us-east-1' });
  }
}
${helper(factory)}`,
  ],
];

describe('no-static-snapshot: a client memoised on the instance from credentials resolved once', () => {
  const cases = CLIENTS.flatMap((client) => FACTORIES.flatMap((factory) => kept(client, factory)));
  it.each(cases)('reports %s', (_, code, line) => {
    expect(lines(code)).toEqual([line]);
  });
  const looks = CLIENTS.flatMap((client) => FACTORIES.flatMap((factory) => silent(client, factory)));
  it.each(looks)('stays silent on %s', (_, code) => {
    expect(lines(code)).toEqual([]);
  });
});
