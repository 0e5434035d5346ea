import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extractCdk, mentionsCdk } from './cdk.js';
import { relativePath } from './cite.js';
import { extractTemplate, isTemplate } from './cloudformation.js';
import { debug } from './debug.js';
import { discover, type FoundFile, MAX_FILE_BYTES, modifiedAt } from './discover.js';
import { extractTaskDefinition, isTaskDefinition } from './ecs-task-definition.js';
import { DockerImages } from './images.js';
import { extractKubernetes, isKubernetesObject, type KubernetesDocument } from './kubernetes.js';
import { extractServerless, isServerlessFile } from './serverless.js';
import { extractTerraform } from './terraform.js';
import type { ComputeUnit, InfraRole, RepositoryModel } from './types.js';
import { parseYamlDocuments } from './yaml-documents.js';

function read(file: string): string | null {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      debug('%s: larger than %d bytes, not read', file, MAX_FILE_BYTES);
      return null;
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    debug('%s: not read (%s)', file, (error as Error).message);
    return null;
  }
}

/**
 * Reads the infrastructure files under `folders` into roles and compute units. `root` is where relative paths
 * (messages, unit paths) start. Never throws on bad input: what cannot be read is left out with a debug reason.
 */
export function buildModel(root: string, folders: readonly string[], configured: boolean): RepositoryModel {
  const found = discover(folders);
  const files = new Map<string, number>();
  const roles: InfraRole[] = [];
  const units: ComputeUnit[] = [];
  const add = (extracted: { roles: readonly InfraRole[]; units: readonly ComputeUnit[] }) => {
    roles.push(...extracted.roles);
    units.push(...extracted.units);
  };
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, read(file) ?? '');
    return texts.get(file)!;
  };
  const note = (file: string) => files.set(relativePath(root, file), modifiedAt(file));
  const images = new DockerImages(
    root,
    found.filter((f) => f.kind === 'dockerfile').map((f) => f.file),
  );
  for (const f of found) if (f.kind === 'dockerfile') note(f.file);

  for (const file of cdkSources(found, folders, configured)) {
    const text = textOf(file.file);
    if (!mentionsCdk(text)) continue;
    note(file.file);
    add(extractCdk(root, file.file, text, file.appDir));
  }

  const modules = new Map<string, { file: string; text: string }[]>();
  for (const f of found) {
    if (f.kind !== 'terraform') continue;
    note(f.file);
    const dir = path.dirname(f.file);
    modules.set(dir, [...(modules.get(dir) ?? []), { file: f.file, text: textOf(f.file) }]);
  }
  for (const module of modules.values()) add(extractTerraform(root, module, images));

  const kubernetes: KubernetesDocument[] = [];
  for (const f of found) {
    if (f.kind !== 'yaml' && f.kind !== 'json') continue;
    const text = textOf(f.file);
    // Cheap gates before parsing: every format read here names one of these.
    if (!/AWS::|containerDefinitions|apiVersion|functions\s*:|"functions"/.test(text)) continue;
    const documents = parseYamlDocuments(text, f.file);
    if (!documents) continue;
    if (isServerlessFile(f.file) && documents[0]) {
      note(f.file);
      add(extractServerless(root, f.file, documents[0], images));
      continue;
    }
    for (const document of documents) {
      const { value } = document;
      if (isTemplate(value)) {
        note(f.file);
        add(extractTemplate({ root, file: f.file, document, at: [], images }, value));
      } else if (isTaskDefinition(value)) {
        note(f.file);
        const unit = extractTaskDefinition(root, f.file, document, value, images);
        if (unit) units.push(unit);
      } else if (isKubernetesObject(value)) {
        note(f.file);
        kubernetes.push({ file: f.file, document, value });
      }
    }
  }
  units.push(...extractKubernetes(root, kubernetes, images));
  linkRolesByName(roles, units);
  debug('model of %s: %d roles, %d compute units from %d files', root, roles.length, units.length, files.size);
  return { root, roles, units, files };
}

/**
 * The TS/JS files of each CDK app (the folder of a `cdk.json`, where `cdk synth` runs); with configured folders,
 * also their scripts (relative asset paths then start from the configured folder).
 */
function cdkSources(
  found: readonly FoundFile[],
  folders: readonly string[],
  configured: boolean,
): { file: string; appDir: string }[] {
  const inside = (file: string, dir: string) => file.startsWith(dir + path.sep);
  const apps = found.filter((f) => f.kind === 'cdk-app').map((f) => path.dirname(f.file));
  return found.flatMap((f) => {
    if (f.kind !== 'script') return [];
    const appDir =
      apps.filter((app) => inside(f.file, app)).sort((a, b) => b.length - a.length)[0] ??
      (configured ? folders.find((dir) => inside(f.file, dir)) : undefined);
    return appDir ? [{ file: f.file, appDir }] : [];
  });
}

/**
 * Ties roles declared in one format to units declared in another (an IRSA annotation or a task-definition ARN
 * naming a Terraform role): a unit's placeholder role is replaced by the declared role with that name.
 */
function linkRolesByName(roles: readonly InfraRole[], units: ComputeUnit[]): void {
  for (const [index, unit] of units.entries()) {
    if (!unit.role || roles.includes(unit.role)) continue;
    const declared = roles.filter((r) => r.names.some((n) => unit.role!.names.includes(n)));
    if (declared.length === 1) units[index] = { ...unit, role: declared[0] };
  }
}
