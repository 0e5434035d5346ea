import { cite, roleNameOfArn } from './cite.js';
import type { DockerImages } from './images.js';
import type { ComputeUnit } from './types.js';
import { isRecord, type Json, type YamlDocument } from './yaml-documents.js';

/** An ECS task definition file (`aws ecs register-task-definition --cli-input-json`, the deploy actions' input). */
export function isTaskDefinition(value: unknown): value is Json {
  return isRecord(value) && Array.isArray(value.containerDefinitions);
}

export function extractTaskDefinition(
  root: string,
  file: string,
  document: YamlDocument,
  value: Json,
  images: DockerImages,
): ComputeUnit | null {
  const containers = (value.containerDefinitions as unknown[]).filter(isRecord);
  const paths = containers.flatMap((c) => (typeof c.image === 'string' ? (images.sourcesOf(c.image) ?? []) : []));
  if (paths.length === 0) return null;
  const arn = typeof value.taskRoleArn === 'string' ? value.taskRoleArn : undefined;
  const name = arn ? roleNameOfArn(arn) : null;
  const line = document.lineOf(arn ? ['taskRoleArn'] : ['containerDefinitions']);
  const declared = cite(root, file, line, arn ? `"taskRoleArn": "${arn}"` : '"containerDefinitions"');
  return {
    platform: 'ecs',
    label: `the ECS task \`${typeof value.family === 'string' ? value.family : 'task'}\``,
    declared,
    paths,
    roleEnvironment: {},
    ...(name ? { role: { id: name, names: [name], declared } } : {}),
  };
}
