import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-module-token-cache/index.js';

// A token fetched once by an ES module whose work is top-level awaits that run once (a migration or seed script):
// the process ends with its last await, before the token's lifetime does. The same script stays reported when it
// leaves something running that keeps using the token: a server, a timer, a listener, an endless loop, or an export.
function findings(code: string): string[] {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.mjs'],
      languageOptions: { parser: tsParser },
      plugins: { ce: { rules: { 'no-module-token-cache': rule } } },
      rules: { 'ce/no-module-token-cache': 'error' },
    },
  ] as unknown as Linter.Config[];
  return linter.verify(code, config, 'migrate.mjs').map((m) => m.messageId ?? m.message);
}

const SCRIPT = `import { Signer } from '@aws-sdk/rds-signer';
import pg from 'pg';
const signer = new Signer({ hostname: process.env.DB_HOST, port: 5432, username: 'migrator' });
const password = await signer.getAuthToken();
async function query(sql) {
  const client = new pg.Client({ host: process.env.DB_HOST, user: 'migrator', password, ssl: true });
  await client.connect();
  try { return await client.query(sql); } finally { await client.end(); }
}
`;

describe('no-module-token-cache: top-level-await scripts that run once', () => {
  it.each([
    [
      'a migration script that runs its statements and ends',
      `${SCRIPT}await query('ALTER TABLE t ADD COLUMN c int');
console.log((await query('SELECT count(*) FROM t')).rows);`,
    ],
    [
      'the same over a fixed list of statements',
      `${SCRIPT}for (const sql of ['CREATE TABLE a (id int)', 'CREATE TABLE b (id int)']) await query(sql);`,
    ],
  ])('is silent on %s', (_, code) => {
    expect(findings(code)).toEqual([]);
  });

  it.each([
    ['a script that also queries on a timer', `${SCRIPT}setInterval(() => query('SELECT 1'), 60_000);`],
    [
      'a script that also starts a server',
      `import http from 'node:http';
${SCRIPT}http.createServer(async (req, res) => res.end(JSON.stringify((await query('SELECT 1')).rows))).listen(8080);`,
    ],
    [
      'a module that exports the query helper',
      `${SCRIPT}export { query };
await query('SELECT 1');`,
    ],
    [
      'a script that also listens for messages',
      `${SCRIPT}process.on('message', async (sql) => process.send((await query(sql)).rows));`,
    ],
    [
      'a worker that polls in an endless loop',
      `${SCRIPT}for (;;) {
  await query('DELETE FROM jobs WHERE done');
  await new Promise((r) => setTimeout(r, 1000));
}`,
    ],
    [
      'an MCP server that answers tool calls with it',
      `import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
${SCRIPT}const server = new Server({ name: 'db', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(CallToolRequestSchema, async (request) => ({ content: [{ type: 'text', text: JSON.stringify((await query(request.params.arguments.sql)).rows) }] }));
await server.connect(new StdioServerTransport());`,
    ],
    [
      'an McpServer whose tool uses it',
      `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
${SCRIPT}const server = new McpServer({ name: 'db', version: '1.0.0' });
server.registerTool('count', { description: 'Count rows' }, async () => ({ content: [{ type: 'text', text: JSON.stringify((await query('SELECT count(*) FROM t')).rows) }] }));
await server.connect(new StdioServerTransport());`,
    ],
  ])('reports %s', (_, code) => {
    expect(findings(code).length).toBeGreaterThan(0);
  });
});
