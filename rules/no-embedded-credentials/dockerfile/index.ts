import { assessValues, type ValueSite } from '../../../src/analysis/credential-sites.js';
import type { DockerfileNode, InstructionNode, PropertyNode } from '../../../src/languages/dockerfile/index.js';
import { type EmbeddedContext, type ReportProblem, reportFindings } from '../context.js';
import { checkBuildTimeFetches, checkCopiedBuildCredentials, checkRuntimeExports } from './build-fetch.js';
import { checkRunsUsingSecretArgs, checkSecretEnv } from './env-and-args.js';
import { checkKeyFileCopies } from './key-files.js';
import { shippedStages } from './stages.js';

type Site = ValueSite<InstructionNode | PropertyNode>;

/** Every value written in the file: ENV/ARG/LABEL values under their names, other instructions as text. */
function valueSites(root: DockerfileNode): Site[] {
  const instructions = [...root.globalArgs, ...root.stages.flatMap((stage) => [stage.from, ...stage.instructions])];
  return instructions.flatMap((instruction): Site[] =>
    instruction.properties.length > 0
      ? instruction.properties.flatMap((property) =>
          property.value
            ? [{ node: property, name: property.name, value: property.value, line: property.loc.start.line }]
            : [],
        )
      : [{ node: instruction, name: null, value: instruction.command, line: instruction.loc.start.line }],
  );
}

/** no-embedded-credentials in Dockerfiles: written credentials anywhere; ENV, build args, fetches and key files that ship. */
export function checkDockerfile(context: EmbeddedContext, report: ReportProblem) {
  return {
    Dockerfile(root: DockerfileNode) {
      const findings = assessValues(valueSites(root), { loneTemporaryKeyIds: true, bundledNames: false });
      reportFindings(report, findings);
      const literal = new Set(
        findings
          .flatMap((finding) => [
            finding.node,
            ...(finding.pairedWith ? [finding.pairedWith] : []),
            ...(finding.sameLine ?? []),
          ])
          .filter((node): node is PropertyNode => node.type === 'KeyValue'),
      );
      const shipped = shippedStages(root);
      for (const stage of shipped) {
        const fetching = new Set<InstructionNode>();
        checkSecretEnv(context, report, root, stage, literal);
        checkBuildTimeFetches(context, report, stage, fetching);
        checkRunsUsingSecretArgs(context, report, stage, fetching);
        checkKeyFileCopies(report, stage);
        checkRuntimeExports(report, stage);
      }
      checkCopiedBuildCredentials(context, report, root, shipped);
    },
  };
}
