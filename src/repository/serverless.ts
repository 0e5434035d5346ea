import path from 'node:path';
import { cite, relativePath, roleNameOfArn } from './cite.js';
import { extractTemplate, roleOf } from './cloudformation.js';
import type { DockerImages } from './images.js';
import type { ComputeUnit, Extracted, InfraRole } from './types.js';
import { isRecord, type Json, type YamlDocument } from './yaml-documents.js';

export function isServerlessFile(file: string): boolean {
  return /^serverless\.ya?ml$/.test(path.basename(file));
}

/**
 * A Serverless Framework service: every function runs on Lambda, and by default the whole service folder is
 * packaged into each function, so the folder is the code that runs there. `resources.Resources` is CloudFormation.
 */
export function extractServerless(root: string, file: string, document: YamlDocument, images: DockerImages): Extracted {
  const service = isRecord(document.value) ? document.value : {};
  const provider = isRecord(service.provider) ? service.provider : {};
  if (provider.name !== undefined && provider.name !== 'aws') return { roles: [], units: [] };
  const template = isRecord(service.resources)
    ? extractTemplate({ root, file, document, at: ['resources'], images }, service.resources)
    : { roles: [], units: [] };
  const byId = new Map(template.roles.map((r) => [r.id, r]));
  const roleAt = (value: unknown): InfraRole | undefined => {
    if (typeof value === 'string' && !value.startsWith('arn:'))
      return byId.get(value) ?? template.roles.find((r) => r.names.includes(value));
    return (
      roleOf(value, byId) ??
      (typeof value === 'string' ? template.roles.find((r) => r.names.includes(roleNameOfArn(value) ?? '')) : undefined)
    );
  };
  const iam = isRecord(provider.iam) ? provider.iam : {};
  const providerRole = roleAt(iam.role ?? provider.role);
  const providerEnvironment = isRecord(provider.environment) ? provider.environment : {};
  const units: ComputeUnit[] = [];
  const folder = relativePath(root, path.dirname(file)) || '.';
  for (const [name, fn] of Object.entries(isRecord(service.functions) ? service.functions : {})) {
    if (!isRecord(fn) || typeof fn.handler !== 'string') continue;
    const environment: Json = { ...providerEnvironment, ...(isRecord(fn.environment) ? fn.environment : {}) };
    const roleEnvironment: Record<string, InfraRole> = {};
    for (const [key, value] of Object.entries(environment)) {
      const target = roleAt(value);
      if (target) roleEnvironment[key] = target;
    }
    const role = roleAt(fn.role) ?? providerRole;
    units.push({
      platform: 'lambda',
      label: `the Lambda function \`${name}\``,
      declared: cite(root, file, document.lineOf(['functions', name, 'handler']), `handler: ${fn.handler}`),
      paths: [folder],
      roleEnvironment,
      ...(role ? { role } : {}),
    });
  }
  return { roles: template.roles, units: [...template.units, ...units] };
}
