import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/repository/build.js';
import { placementOf, roleInEnvironment, roleNamed, roleNameOfArn } from '../../src/repository/index.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/infrastructure');
const model = (name: string) => buildModel(path.join(FIXTURES, name), [path.join(FIXTURES, name)], false);
const summary = (m: ReturnType<typeof model>) => ({
  roles: m.roles.map((r) => ({
    id: r.id,
    names: r.names,
    max: r.maxSessionSeconds,
    unknown: r.maxSessionUnknown ?? false,
    at: r.maxSession && `${r.maxSession.file}:${r.maxSession.line}`,
  })),
  units: m.units.map((u) => ({
    platform: u.platform,
    label: u.label,
    paths: u.paths,
    role: u.role?.id,
    at: `${u.declared.file}:${u.declared.line}`,
    env: Object.keys(u.roleEnvironment),
  })),
});

describe('repository model', () => {
  it('reads a CDK app: roles with maxSessionDuration, a Fargate task definition and its container asset', () => {
    expect(summary(model('cdk'))).toEqual({
      roles: [
        { id: 'ExportTaskRole', names: [], max: undefined, unknown: false, at: undefined },
        { id: 'ReportReaderRole', names: ['report-reader'], max: 7200, unknown: false, at: 'lib/export-stack.ts:15' },
      ],
      units: [
        {
          platform: 'ecs',
          label: 'the ECS task `ExportTask`',
          paths: ['services/export'],
          role: 'ExportTaskRole',
          at: 'lib/export-stack.ts:19',
          env: ['REPORT_ROLE_ARN'],
        },
      ],
    });
  });

  it('reads Terraform: max_session_duration, Lambda through archive_file, ECS through the ECR image and its Dockerfile', () => {
    expect(summary(model('terraform'))).toEqual({
      roles: [
        { id: 'aws_iam_role.archive', names: ['archive-reader'], max: 7200, unknown: false, at: 'infra/main.tf:20' },
        // `max_session_duration = var.reporting_session_seconds` is not static: known to be set, length unknown.
        { id: 'aws_iam_role.reporting', names: ['reporting'], max: undefined, unknown: true, at: undefined },
        { id: 'aws_iam_role.worker', names: ['worker-task'], max: undefined, unknown: false, at: undefined },
      ],
      units: [
        {
          platform: 'lambda',
          label: 'the Lambda function `aws_lambda_function.archiver`',
          paths: ['lambdas/archiver'],
          role: 'aws_iam_role.worker',
          at: 'infra/main.tf:51',
          env: ['ARCHIVE_ROLE_ARN'],
        },
        // `COPY . .` in the build stage: the whole service folder; `COPY --from=build` is not source.
        {
          platform: 'ecs',
          label: 'the ECS task `aws_ecs_task_definition.worker`',
          paths: ['services/worker'],
          role: 'aws_iam_role.worker',
          at: 'infra/main.tf:36',
          env: [],
        },
      ],
    });
  });

  it('reads a SAM template with intrinsic tags: MaxSessionDuration, CodeUri, TaskRoleArn and an image from !Sub', () => {
    expect(summary(model('sam'))).toEqual({
      roles: [
        { id: 'ShareRole', names: ['share-links'], max: 7200, unknown: false, at: 'template.yaml:20' },
        { id: 'AuditRole', names: [], max: undefined, unknown: true, at: undefined },
        { id: 'ThumbnailTaskRole', names: [], max: undefined, unknown: false, at: undefined },
      ],
      units: [
        {
          platform: 'lambda',
          label: 'the Lambda function `ShareFunction`',
          paths: ['src'],
          role: undefined,
          at: 'template.yaml:37',
          env: ['SHARE_ROLE_ARN'],
        },
        {
          platform: 'ecs',
          label: 'the ECS task `ThumbnailTask`',
          paths: ['services/thumbnailer/src'],
          role: 'ThumbnailTaskRole',
          at: 'template.yaml:48',
          env: [],
        },
      ],
    });
  });

  it('reads serverless.yml: each function runs the service folder, with roles from resources and the provider environment', () => {
    expect(summary(model('serverless'))).toEqual({
      roles: [
        {
          id: 'InvoiceReaderRole',
          names: ['invoice-reader-${sls:stage}'],
          max: 10800,
          unknown: false,
          at: 'serverless.yml:23',
        },
      ],
      units: [
        {
          platform: 'lambda',
          label: 'the Lambda function `download`',
          paths: ['.'],
          role: undefined,
          at: 'serverless.yml:13',
          env: ['INVOICE_ROLE_ARN'],
        },
      ],
    });
  });

  it("reads Kubernetes: a Deployment whose service account carries the IRSA annotation, tied to its image's Dockerfile", () => {
    expect(summary(model('kubernetes'))).toEqual({
      roles: [],
      units: [
        {
          platform: 'eks-irsa',
          label: 'the Kubernetes Deployment `report-worker` (service account `report-worker`)',
          paths: ['services/report-worker/src'],
          role: 'report-worker',
          at: 'deploy/service-account.yaml:7',
          env: [],
        },
      ],
    });
  });

  it('places files, finds roles by ARN name and by environment variable', () => {
    const cdk = model('cdk');
    expect(placementOf(cdk, path.join(FIXTURES, 'cdk/services/export/src/links.ts'))?.session.seconds).toBe(6 * 3600);
    expect(placementOf(cdk, path.join(FIXTURES, 'cdk/services/exporter/x.ts'))).toBeNull();
    expect(placementOf(cdk, path.join(FIXTURES, 'cdk/scripts/backfill.ts'))).toBeNull();
    expect(roleNamed(cdk, 'report-reader')?.id).toBe('ReportReaderRole');
    expect(roleNamed(cdk, 'report')).toBeUndefined();
    expect(
      roleInEnvironment(cdk, path.join(FIXTURES, 'cdk/services/export/src/reports.ts'), 'REPORT_ROLE_ARN')?.id,
    ).toBe('ReportReaderRole');
    expect(roleInEnvironment(cdk, path.join(FIXTURES, 'cdk/scripts/backfill.ts'), 'REPORT_ROLE_ARN')).toBeUndefined();
  });

  it.each([
    ['arn:aws:iam::123456789012:role/report-reader', 'report-reader'],
    ['arn:aws:iam::${AWS::AccountId}:role/service-role/export', 'export'],
    ['arn:aws-cn:iam::123456789012:role/a.b@c', 'a.b@c'],
    ['arn:aws:iam::123456789012:user/report-reader', null],
    ['arn:aws:s3:::bucket/role/x', null],
    ['report-reader', null],
  ])('reads the role name of %s', (arn, name) => {
    expect(roleNameOfArn(arn)).toBe(name);
  });
});

describe('repository model on bad input', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'credential-expiry-bad-infra-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it('leaves out what does not parse or is not static, without throwing or guessing', () => {
    write('cdk.json', '{ "app": "node bin/app.js" }');
    write(
      'lib/stack.ts',
      [
        "import { Duration } from 'aws-cdk-lib';",
        "import * as iam from 'aws-cdk-lib/aws-iam';",
        "import * as lambda from 'aws-cdk-lib/aws-lambda';",
        'const hours = Number(process.env.HOURS);',
        "new iam.Role(this, 'Computed', { maxSessionDuration: Duration.hours(hours) });",
        "new iam.Role(this, 'FromConfig', { maxSessionDuration: config.session });",
        "new lambda.Function(this, 'Fn', { code: lambda.Code.fromAsset(assetDir), handler: 'index.handler' });",
      ].join('\n'),
    );
    write('lib/broken.ts', "import * as iam from 'aws-cdk-lib/aws-iam';\nnew iam.Role(this, 'X', {");
    write('infra/main.tf', 'resource "aws_iam_role" "x" {\n  max_session_duration = 7200\n');
    write(
      'template.yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: { MaxSessionDuration: [\n',
    );
    write(
      'chart/templates/deployment.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  {{- include "labels" . }}\n',
    );
    write('serverless.yml', 'service: x\nprovider:\n  name: aws\nfunctions:\n  a: [\n');
    const built = buildModel(root, [root], false);
    expect(built.units).toEqual([]);
    expect(built.roles.map((r) => [r.id, r.maxSessionSeconds, r.maxSessionUnknown])).toEqual([
      ['Computed', undefined, true],
      ['FromConfig', undefined, true],
    ]);
  });
});

describe('citations', () => {
  it('never quote a secret written on the cited line', async () => {
    const { cite } = await import('../../src/repository/cite.js');
    const key = ['AKIA', 'Z7QH4K2XMW9PLB3T'].join('');
    const citation = cite('/repo', '/repo/serverless.yml', 3, `handler: src/a.handler # ${key}`);
    expect(citation.text).not.toContain(key.slice(4));
    expect(citation.text).toContain('handler: src/a.handler');
    expect(citation.file).toBe('serverless.yml');
  });
});

describe('repository model: ECS task definition JSON and GKE Workload Identity', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'credential-expiry-infra-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it('ties a task definition file and a GKE workload to the Dockerfiles their images are built from', () => {
    write(
      'deploy/task-definition.json',
      JSON.stringify(
        {
          family: 'billing',
          taskRoleArn: 'arn:aws:iam::123456789012:role/billing-task',
          containerDefinitions: [{ name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/billing:latest' }],
        },
        null,
        2,
      ),
    );
    write('apps/billing/Dockerfile', 'FROM node:20\nCOPY lib ./lib\nCOPY package.json ./\n');
    write('apps/billing/lib/index.js', 'module.exports = {};\n');
    write('apps/billing/package.json', '{}');
    write(
      'k8s/search.yaml',
      [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: search',
        '  annotations:',
        '    iam.gke.io/gcp-service-account: search@project.iam.gserviceaccount.com',
        '---',
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: reindex',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          serviceAccountName: search',
        '          containers:',
        '            - name: job',
        '              image: europe-docker.pkg.dev/project/images/search:2',
        '',
      ].join('\n'),
    );
    write('apps/search/Dockerfile', 'FROM node:20\nCOPY . .\n');
    // Same image name in two folders: not tied to either.
    write(
      'k8s/other.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: search\n  containers:\n    - image: shared:1\n',
    );
    write('a/shared/Dockerfile', 'FROM node:20\nCOPY . .\n');
    write('b/shared/Dockerfile', 'FROM node:20\nCOPY . .\n');
    const built = buildModel(root, [root], false);
    expect(summary(built).units).toEqual([
      {
        platform: 'ecs',
        label: 'the ECS task `billing`',
        paths: ['apps/billing/lib'],
        role: 'billing-task',
        at: 'deploy/task-definition.json:3',
        env: [],
      },
      {
        platform: 'gcp',
        label: 'the Kubernetes CronJob `reindex` (service account `search`)',
        paths: ['apps/search'],
        role: 'search@project.iam.gserviceaccount.com',
        at: 'k8s/search.yaml:6',
        env: [],
      },
    ]);
  });
});
