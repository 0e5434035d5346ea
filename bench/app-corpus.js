// A generated application corpus for the user's marginal cost (bench/user-overhead.js): a TypeScript back end and
// front end of the usual shape (routes, services, models, utilities, React components, tests, JSON and YAML
// configuration), where most files touch no cloud credential and a few do, as in a real application.
// Deterministic: the same options give the same files, so runs and machines compare.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const VERSION = 1;

/** A small deterministic PRNG (mulberry32), so the corpus does not change between runs. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'user',
  'order',
  'invoice',
  'product',
  'cart',
  'comment',
  'team',
  'project',
  'report',
  'session',
  'webhook',
  'audit',
];
const cap = (word) => word[0].toUpperCase() + word.slice(1);

const model = (noun) => `export interface ${cap(noun)} {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  name: string;
  tags: string[];
  metadata?: Record<string, unknown>;
}

export function is${cap(noun)}(value: unknown): value is ${cap(noun)} {
  return typeof value === 'object' && value !== null && 'id' in value && 'name' in value;
}

export const empty${cap(noun)} = (): ${cap(noun)} => ({ id: '', createdAt: new Date(0), updatedAt: new Date(0), name: '', tags: [] });
`;

const service = (noun, index) => `import type { ${cap(noun)} } from '../models/${noun}.js';
import { db } from '../db/pool.js';
import { logger } from '../util/logger.js';

const PAGE_SIZE = ${10 + (index % 40)};

export class ${cap(noun)}Service${index} {
  constructor(private readonly table = '${noun}s') {}

  async list(page = 0): Promise<${cap(noun)}[]> {
    const rows = await db.query(\`SELECT * FROM \${this.table} ORDER BY created_at DESC LIMIT $1 OFFSET $2\`, [PAGE_SIZE, page * PAGE_SIZE]);
    logger.debug({ count: rows.length }, 'listed ${noun}s');
    return rows.map((row) => this.toModel(row));
  }

  async get(id: string): Promise<${cap(noun)} | undefined> {
    const [row] = await db.query(\`SELECT * FROM \${this.table} WHERE id = $1\`, [id]);
    return row ? this.toModel(row) : undefined;
  }

  async rename(id: string, name: string): Promise<void> {
    if (!name.trim()) throw new Error('name must not be empty');
    await db.query(\`UPDATE \${this.table} SET name = $1, updated_at = now() WHERE id = $2\`, [name, id]);
  }

  private toModel(row: Record<string, unknown>): ${cap(noun)} {
    return {
      id: String(row.id),
      createdAt: new Date(String(row.created_at)),
      updatedAt: new Date(String(row.updated_at)),
      name: String(row.name ?? ''),
      tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    };
  }
}
`;

const route = (noun, index) => `import { Router, type Request, type Response } from 'express';
import { ${cap(noun)}Service${index} } from '../services/${noun}-${index}.js';

const service = new ${cap(noun)}Service${index}();
export const ${noun}Router${index} = Router();

${noun}Router${index}.get('/${noun}s', async (req: Request, res: Response) => {
  const page = Number(req.query.page ?? 0);
  if (!Number.isInteger(page) || page < 0) return res.status(400).json({ error: 'page must be a whole number' });
  res.json(await service.list(page));
});

${noun}Router${index}.get('/${noun}s/:id', async (req: Request, res: Response) => {
  const found = await service.get(req.params.id);
  if (!found) return res.status(404).json({ error: '${noun} not found' });
  res.json(found);
});

${noun}Router${index}.patch('/${noun}s/:id', async (req: Request, res: Response) => {
  await service.rename(req.params.id, String(req.body?.name ?? ''));
  res.status(204).end();
});
`;

const util = (index) => `export function chunk${index}<T>(items: readonly T[], size: number): T[][] {
  if (size <= 0) throw new RangeError('size must be positive');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const debounce${index} = <A extends unknown[]>(fn: (...args: A) => void, ms: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
};

export function formatBytes${index}(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return \`\${value.toFixed(unit ? 1 : 0)} \${units[unit]}\`;
}
`;

const component = (noun, index) => `import { useEffect, useState } from 'react';
import type { ${cap(noun)} } from '../../server/models/${noun}.js';

export function ${cap(noun)}List${index}({ page }: { page: number }) {
  const [items, setItems] = useState<${cap(noun)}[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(\`/api/${noun}s?page=\${page}\`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
      .then((data) => !cancelled && setItems(data))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [page]);
  if (error) return <p role="alert">{error}</p>;
  return (
    <ul className="${noun}-list">
      {items.map((item) => (
        <li key={item.id} title={item.tags.join(', ')}>
          {item.name}
        </li>
      ))}
    </ul>
  );
}
`;

const spec = (noun, index) => `import { describe, expect, it } from 'vitest';
import { chunk${index} } from '../src/server/util/util-${index}.js';

describe('${noun} helpers ${index}', () => {
  it('chunks', () => {
    expect(chunk${index}([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it('rejects a zero size', () => {
    expect(() => chunk${index}([1], 0)).toThrow(RangeError);
  });
});
`;

// The few files with credential code, most of them right (clients and providers kept, tokens fetched per use), one
// in five of the anti-pattern kinds the rules exist for, as an application that has not been migrated yet would have.
const credentialFiles = [
  (i) => `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3 = new S3Client({});
export const downloadLink${i} = (key: string) =>
  getSignedUrl(s3, new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }), { expiresIn: 900 });
`,
  (i) => `import { GoogleAuth } from 'google-auth-library';

const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
export async function callVertex${i}(body: unknown) {
  const token = await auth.getAccessToken();
  return fetch('https://us-central1-aiplatform.googleapis.com/v1/predict', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${token}\` },
    body: JSON.stringify(body),
  });
}
`,
  (i) => `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export const dynamo${i} = new DynamoDBClient({ credentials: fromNodeProviderChain() });
`,
  (i) => `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
export async function readSecret${i}(id: string): Promise<string | undefined> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: id }));
  return SecretString;
}
`,
  (i) => `import { S3Client } from '@aws-sdk/client-s3';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';

const credentials${i} = await fromInstanceMetadata()();
export const archive${i} = new S3Client({ credentials: credentials${i} });
`,
];

const configFiles = {
  'package.json': JSON.stringify(
    { name: 'shop', private: true, type: 'module', scripts: { build: 'tsc -b', test: 'vitest run' } },
    null,
    2,
  ),
  'tsconfig.json': JSON.stringify(
    { compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, jsx: 'react-jsx' } },
    null,
    2,
  ),
  'docker-compose.yml':
    'services:\n  api:\n    build: .\n    ports: ["8080:8080"]\n    environment:\n      NODE_ENV: production\n  db:\n    image: postgres:16\n',
  '.github/workflows/ci.yml':
    'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n',
  Dockerfile:
    'FROM node:20-slim\nWORKDIR /srv\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nCMD ["node", "dist/server/index.js"]\n',
  '.env.example': 'PORT=8080\nDATABASE_URL=\nBUCKET=\n',
};

/**
 * Writes the corpus into `destination` (git-ignored) unless the same version and size are there already.
 * @returns {{ root: string, files: number, credentialFiles: number }}
 */
export function materializeAppCorpus(destination, { modules = 300 } = {}) {
  const stampFile = join(destination, '.app-corpus');
  const stamp = JSON.stringify({ VERSION, modules });
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return { ...JSON.parse(readFileSync(join(destination, '.app-corpus-summary'), 'utf8')), root: destination };
  rmSync(destination, { recursive: true, force: true });
  const next = random(20261201);
  const files = new Map(Object.entries(configFiles));
  for (const noun of NOUNS) files.set(`src/server/models/${noun}.ts`, model(noun));
  let credentials = 0;
  for (let index = 0; index < modules; index++) {
    const noun = NOUNS[Math.floor(next() * NOUNS.length)];
    files.set(`src/server/services/${noun}-${index}.ts`, service(noun, index));
    files.set(`src/server/routes/${noun}-${index}.ts`, route(noun, index));
    files.set(`src/server/util/util-${index}.ts`, util(index));
    files.set(`src/web/components/${noun}-list-${index}.tsx`, component(noun, index));
    files.set(`test/${noun}-${index}.test.ts`, spec(noun, index));
    files.set(
      `src/locales/${index}.json`,
      JSON.stringify({ [`${noun}.title`]: cap(noun), [`${noun}.empty`]: `No ${noun}s yet` }, null, 2),
    );
    if (index % 25 === 0)
      files.set(`src/server/cloud/cloud-${index}.ts`, credentialFiles[credentials++ % credentialFiles.length](index));
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(destination, path)), { recursive: true });
    writeFileSync(join(destination, path), text);
  }
  const summary = { root: destination, files: files.size, credentialFiles: credentials };
  writeFileSync(join(destination, '.app-corpus-summary'), JSON.stringify(summary));
  writeFileSync(stampFile, stamp);
  return summary;
}
