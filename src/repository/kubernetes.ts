import { cite, roleNameOfArn } from './cite.js';
import type { DockerImages } from './images.js';
import type { ComputeUnit, InfraRole, UnitPlatform } from './types.js';
import { isRecord, type Json, type YamlDocument } from './yaml-documents.js';

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
const GKE_ANNOTATION = 'iam.gke.io/gcp-service-account';
/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export interface KubernetesDocument {
  readonly file: string;
  readonly document: YamlDocument;
  readonly value: Json;
}

export function isKubernetesObject(value: unknown): value is Json {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

interface Identity {
  readonly platform: UnitPlatform;
  readonly role: InfraRole;
}

/**
 * Workloads whose pods run as a ServiceAccount bound to a cloud identity: IRSA (`eks.amazonaws.com/role-arn`; the
 * SDK then assumes the role with web identity for 1 h by default) or GKE Workload Identity. A workload runs the
 * code its container images were built from (see DockerImages).
 */
export function extractKubernetes(
  root: string,
  documents: readonly KubernetesDocument[],
  images: DockerImages,
): ComputeUnit[] {
  const identities = new Map<string, Identity>();
  for (const { file, document, value } of documents) {
    if (value.kind !== 'ServiceAccount' || !isRecord(value.metadata)) continue;
    const annotations = isRecord(value.metadata.annotations) ? value.metadata.annotations : {};
    const key = `${namespaceOf(value.metadata)}/${String(value.metadata.name)}`;
    for (const [annotation, platform] of [
      [IRSA_ANNOTATION, 'eks-irsa'],
      [GKE_ANNOTATION, 'gcp'],
    ] as const) {
      const target = annotations[annotation];
      if (typeof target !== 'string') continue;
      const name = platform === 'eks-irsa' ? roleNameOfArn(target) : target;
      const declared = cite(
        root,
        file,
        document.lineOf(['metadata', 'annotations', annotation]),
        `${annotation}: ${target}`,
      );
      identities.set(key, { platform, role: { id: name ?? target, names: name ? [name] : [], declared } });
    }
  }
  const units: ComputeUnit[] = [];
  for (const { value } of documents) {
    const specPath = POD_SPEC_PATHS[String(value.kind)];
    const spec = specPath && dig(value, specPath);
    if (!isRecord(spec)) continue;
    const namespace = isRecord(value.metadata) ? namespaceOf(value.metadata) : 'default';
    const account = spec.serviceAccountName ?? spec.serviceAccount;
    const identity = typeof account === 'string' ? identities.get(`${namespace}/${account}`) : undefined;
    if (!identity) continue;
    const containers = Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
    const paths = containers.flatMap((c) => (typeof c.image === 'string' ? (images.sourcesOf(c.image) ?? []) : []));
    if (paths.length === 0) continue;
    const name = isRecord(value.metadata) ? String(value.metadata.name) : String(value.kind);
    units.push({
      platform: identity.platform,
      label: `the Kubernetes ${String(value.kind)} \`${name}\` (service account \`${String(account)}\`)`,
      declared: identity.role.declared,
      paths,
      role: identity.role,
      roleEnvironment: {},
    });
  }
  return units;
}

function dig(value: Json, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

/** The object's namespace: Kubernetes puts an object without one in `default`. */
function namespaceOf(metadata: Record<string, unknown>): string {
  return typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
}
