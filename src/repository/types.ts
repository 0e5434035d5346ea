import type { PlatformId } from '../knowledge/index.js';

/** A place in an infrastructure file, for messages: `infra/stack.ts:42`, `maxSessionDuration: Duration.hours(2)`. */
export interface Citation {
  /** Repository-relative path, with `/` separators. */
  readonly file: string;
  readonly line: number;
  /** The setting as written (one line, shortened). */
  readonly text: string;
}

/** An IAM role declared in the infrastructure code. */
export interface InfraRole {
  /** The name the infrastructure gives it (construct id, Terraform address, logical id). */
  readonly id: string;
  /** Role names that an ARN in application code can end with (`arn:aws:iam::1:role/<name>`). */
  readonly names: readonly string[];
  /** `MaxSessionDuration` when set statically; absent when the default (1 h) applies or it is not static. */
  readonly maxSessionSeconds?: number;
  readonly maxSession?: Citation;
  /** True when the maximum is set but cannot be read statically: the model then says nothing about the role. */
  readonly maxSessionUnknown?: boolean;
  readonly declared: Citation;
}

/** The compute platforms the model can place code on (ids of `settings['credential-expiry'].platform`). */
export type UnitPlatform = Extract<PlatformId, 'lambda' | 'ecs' | 'ec2' | 'eks-irsa' | 'gcp'>;

/** Something that runs code: a Lambda function, an ECS task, an EC2 instance, a Kubernetes workload. */
export interface ComputeUnit {
  readonly platform: UnitPlatform;
  /** `the Lambda function \`ExportFn\``. */
  readonly label: string;
  /** Where the infrastructure ties the unit to its code (`Code.fromAsset('lambda')`, `CodeUri: src/`). */
  readonly declared: Citation;
  /** Repository-relative folders or files whose code runs there. */
  readonly paths: readonly string[];
  readonly role?: InfraRole;
  /** Environment variables that carry a role's ARN (`EXPORT_ROLE_ARN: exportRole.roleArn`). */
  readonly roleEnvironment: Readonly<Record<string, InfraRole>>;
}

export interface RepositoryModel {
  /** Absolute folder the relative paths start from. */
  readonly root: string;
  readonly roles: readonly InfraRole[];
  readonly units: readonly ComputeUnit[];
  /** The infrastructure files read (repository-relative), with their modification times, to notice edits. */
  readonly files: ReadonlyMap<string, number>;
}

/** What one infrastructure file (or Terraform module) contributes. */
export interface Extracted {
  readonly roles: InfraRole[];
  readonly units: ComputeUnit[];
}
