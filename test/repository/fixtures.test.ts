import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * The fixture repositories of test/fixtures/infrastructure: application code next to the infrastructure that
 * deploys it. Each is linted as a whole (ESLint's cwd is the repository), then again without its
 * infrastructure files, where the findings must be what the rules report with no repository model.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(HERE, '../fixtures/infrastructure');
const RULES = [
  'credential-expiry/presign-within-session',
  'credential-expiry/presign-max-lifetime',
  'credential-expiry/session-duration-within-role',
];

interface Expected {
  readonly at: string;
  readonly rule: string;
  /** Text the message must contain: the cited infrastructure file and line. */
  readonly cites: string;
}

const within = 'presign-within-session';
const duration = 'session-duration-within-role';
const CASES: Record<string, { infrastructure: readonly string[]; expected: readonly Expected[] }> = {
  cdk: {
    infrastructure: ['cdk.json', 'lib', 'bin'],
    expected: [
      {
        at: 'scripts/backfill.ts:5',
        rule: duration,
        cites:
          'the role `ReportReaderRole` (lib/export-stack.ts:15, `maxSessionDuration: Duration.hours(2)`) allows at most 2 h',
      },
      {
        at: 'services/export/src/links.ts:7',
        rule: within,
        cites: 'the ECS task `ExportTask` runs this code with the role `ExportTaskRole` (lib/export-stack.ts:19',
      },
      { at: 'services/export/src/reports.ts:12', rule: within, cites: 'role chaining, capped at 1 h' },
      {
        at: 'services/export/src/reports.ts:16',
        rule: duration,
        cites: 'the ECS task `ExportTask` (lib/export-stack.ts:19',
      },
    ],
  },
  terraform: {
    infrastructure: ['infra'],
    expected: [
      {
        at: 'lambdas/archiver/index.js:7',
        rule: duration,
        cites: 'the Lambda function `aws_lambda_function.archiver` (infra/main.tf:51',
      },
      {
        at: 'services/worker/src/export.ts:7',
        rule: within,
        cites: '(infra/main.tf:36, `task_role_arn = aws_iam_role.worker.arn`): typically within 6 h',
      },
    ],
  },
  sam: {
    infrastructure: ['template.yaml'],
    expected: [
      {
        at: 'services/thumbnailer/src/thumbnail.js:5',
        rule: within,
        cites: 'the ECS task `ThumbnailTask` runs this code with the role `ThumbnailTaskRole` (template.yaml:48',
      },
      {
        at: 'src/handlers/share.ts:9',
        rule: duration,
        cites: 'the Lambda function `ShareFunction` (template.yaml:37, `CodeUri: src/`)',
      },
    ],
  },
  serverless: {
    infrastructure: ['serverless.yml'],
    expected: [
      {
        at: 'src/download.js:13',
        rule: within,
        cites: 'the Lambda function `download` (serverless.yml:13, `handler: src/download.handler`)',
      },
    ],
  },
  kubernetes: {
    infrastructure: ['deploy'],
    expected: [
      {
        at: 'services/report-worker/src/links.mjs:6',
        rule: within,
        cites:
          '(deploy/service-account.yaml:7, `eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/report-worker`): typically within 1 h',
      },
    ],
  },
};

async function lint(cwd: string, settings?: Record<string, unknown>) {
  const config: Linter.Config[] = [
    ...plugin.configs.recommended,
    ...(settings ? [{ settings: { 'credential-expiry': settings } }] : []),
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId && RULES.includes(m.ruleId))
        .map((m) => ({
          at: `${path.relative(cwd, result.filePath).split(path.sep).join('/')}:${m.line}`,
          rule: m.ruleId!.replace('credential-expiry/', ''),
          message: m.message,
        })),
    )
    .sort((a, b) => a.at.localeCompare(b.at) || a.rule.localeCompare(b.rule));
}

describe('fixture repositories (test/fixtures/infrastructure)', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  describe.each(Object.entries(CASES))('%s', (name, { infrastructure, expected }) => {
    const root = path.join(FIXTURES, name);

    it('reports the lifetimes between the platform session and 12 h, citing the infrastructure; nothing within the session', async () => {
      const found = await lint(root);
      expect(found.map(({ at, rule }) => ({ at, rule }))).toEqual(expected.map(({ at, rule }) => ({ at, rule })));
      found.forEach((finding, i) => expect(finding.message).toContain(expected[i].cites));
    });

    it('reports as without a repository model once the infrastructure files are gone', async () => {
      const copy = mkdtempSync(path.join(tmpdir(), `credential-expiry-${name}-`));
      copies.push(copy);
      cpSync(root, copy, { recursive: true });
      for (const entry of infrastructure) rmSync(path.join(copy, entry), { recursive: true, force: true });
      const withoutFiles = await lint(copy);
      expect(withoutFiles).toEqual(await lint(root, { infrastructure: false }));
      expect(withoutFiles.filter((f) => expected.some((e) => e.at === f.at))).toEqual([]);
    });
  });

  it('reads only the configured folders', async () => {
    const root = path.join(FIXTURES, 'terraform');
    expect(await lint(root, { infrastructure: ['services/'] })).toEqual([]);
    // The ECS task is tied to its code through the Dockerfile in services/worker, which infra/ alone does not hold.
    expect((await lint(root, { infrastructure: ['infra/'] })).map((f) => f.at)).toEqual([
      'lambdas/archiver/index.js:7',
    ]);
    expect((await lint(root, { infrastructure: ['infra/', 'services/'] })).map((f) => f.at)).toEqual(
      CASES.terraform.expected.map((e) => e.at),
    );
  });

  it('names the platform session in no-static-snapshot messages, citing the infrastructure', async () => {
    const root = path.join(FIXTURES, 'kubernetes');
    const snapshotOf = async (settings?: Record<string, unknown>) => {
      const config: Linter.Config[] = [
        ...plugin.configs.recommended,
        ...(settings ? [{ settings: { 'credential-expiry': settings } }] : []),
      ];
      const [result] = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config }).lintFiles([
        'services/report-worker/src/startup.mjs',
      ]);
      return result.messages
        .filter((m) => m.ruleId === 'credential-expiry/no-static-snapshot')
        .map((m) => `${m.line} ${m.message}`);
    };
    const [placed] = await snapshotOf();
    expect(placed).toContain('5 Credentials resolved once');
    expect(placed).toContain(
      'web-identity (IRSA) role session ends (typically within 1 h, as the Kubernetes Deployment `report-worker` (service account `report-worker`) runs this code (deploy/service-account.yaml:7',
    );
    const [off] = await snapshotOf({ infrastructure: false });
    expect(off).toContain('the session of whatever source the default chain found');
    const [explicit] = await snapshotOf({ platform: 'ec2' });
    expect(explicit).toContain('EC2 instance-profile session');
    expect(explicit).not.toContain('service-account.yaml');
  });

  it('lets explicit settings win over the model', async () => {
    // platform 'iam-user': long-term keys are the caller's credentials, so no platform session and no role
    // chaining; the assumed role's MaxSessionDuration (2 h) still bounds the runtime DurationSeconds.
    const found = await lint(path.join(FIXTURES, 'cdk'), { platform: 'iam-user' });
    expect(found.map(({ at, rule }) => `${at} ${rule}`)).toEqual([
      'scripts/backfill.ts:5 session-duration-within-role',
      'services/export/src/reports.ts:12 presign-within-session',
    ]);
    expect(found[1].message).toContain(
      'the role `ReportReaderRole` (lib/export-stack.ts:15, `maxSessionDuration: Duration.hours(2)`) allows at most 2 h',
    );
  });
});

describe('under ESLint --concurrency', () => {
  const dist = path.resolve(HERE, '../../dist/src/index.js');
  const configDir = mkdtempSync(path.join(tmpdir(), 'credential-expiry-concurrency-'));
  afterAll(() => rmSync(configDir, { recursive: true, force: true }));

  it('gives the same findings in two worker threads as in one thread', async () => {
    expect(existsSync(dist), 'dist/ is built by `npm ci` (prepare) or `npm run build`').toBe(true);
    // Worker threads load the config from a file (options must be cloneable): the built plugin, as users run it.
    const configFile = path.join(configDir, 'eslint.config.mjs');
    writeFileSync(
      configFile,
      `import plugin from ${JSON.stringify(pathToFileURL(dist).href)};\nexport default plugin.configs.recommended;\n`,
    );
    const run = async (concurrency: 'off' | number) => {
      const eslint = new ESLint({ cwd: FIXTURES, overrideConfigFile: configFile, concurrency });
      const results = await eslint.lintFiles(['.']);
      return results
        .flatMap((r) =>
          r.messages.map((m) => `${path.relative(FIXTURES, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`),
        )
        .sort();
    };
    const single = await run('off');
    expect(single.filter((m) => m.includes('(cdk/lib/export-stack.ts:19')).length).toBeGreaterThan(0);
    expect(await run(2)).toEqual(single);
    // Two whole ESLint runs, the second starting two worker threads that each load the plugin and build the model.
  }, 180_000);
});
