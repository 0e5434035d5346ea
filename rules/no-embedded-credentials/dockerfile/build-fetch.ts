import {
  BUILD_TIME_CREDENTIAL_FETCHES,
  type BuildTimeFetch,
  RUNTIME_CREDENTIAL_EXPORT,
} from '../../../src/knowledge/secrets.js';
import { SESSIONS } from '../../../src/knowledge/sessions.js';
import type { DockerfileNode, InstructionNode, StageNode } from '../../../src/languages/dockerfile/index.js';
import type { EmbeddedContext, ReportProblem } from '../context.js';
import { removeInstruction } from './edits.js';
import { hasSecretMount, resolvePath, withWorkdir } from './stages.js';

const CHAINED = /&&|\|\||;/u;

function fetchIn(text: string): BuildTimeFetch | undefined {
  return BUILD_TIME_CREDENTIAL_FETCHES.find((fetch) => fetch.pattern.test(text));
}

/**
 * RUN steps of a shipped stage (and ONBUILD RUN triggers) that obtain credentials while the image is built.
 * A step with `--mount=type=secret` receives its credentials the right way and stays silent.
 */
export function checkBuildTimeFetches(
  context: EmbeddedContext,
  report: ReportProblem,
  stage: StageNode,
  reported: Set<InstructionNode>,
): void {
  for (const instruction of stage.instructions) {
    const run = instruction.keyword === 'ONBUILD' ? instruction.trigger : instruction;
    if (run?.keyword !== 'RUN' || hasSecretMount(run)) continue;
    const fetch = fetchIn(run.command);
    if (!fetch) continue;
    const session = SESSIONS[fetch.session];
    const alone = instruction === run && run.heredocs.length === 0 && !CHAINED.test(run.command);
    reported.add(instruction);
    report({
      loc: instruction.loc,
      messageId: 'dockerBuildTimeFetch',
      data: { what: fetch.what, session: session.label, phrase: session.phrase },
      ...(alone
        ? { suggest: [{ messageId: 'removeBuildStep', fix: () => removeInstruction(context.sourceCode.text, run) }] }
        : {}),
    });
  }
}

/** Files a shell command writes: `> path`, `>> path`, `tee [-a] path`, `-o path` / `--output path` (curl, wget -O). */
const WRITES =
  /(?:^|[^\d&>])>>?\s*([^\s;&|<>]+)|\btee\s+(?:-a\s+)?([^\s;&|<>-][^\s;&|<>]*)|\s(?:-o|-O|--output(?:-document)?)[=\s]([^\s;&|<>-][^\s;&|<>]*)/gu;

function writtenFiles(command: string, workdir: string): string[] {
  return [...command.matchAll(WRITES)]
    .map((match) => resolvePath(workdir, match[1] ?? match[2] ?? match[3]))
    .filter((file) => !file.startsWith('/dev/'));
}

/**
 * A builder stage is discarded, but what COPY --from takes from it ships: a file that a build-time fetch wrote
 * there (`gcloud auth print-access-token > /tmp/token`) and the shipped stage copies. Both ends are reported: the
 * step that fetched, and the COPY that ships the result.
 */
export function checkCopiedBuildCredentials(
  context: EmbeddedContext,
  report: ReportProblem,
  root: DockerfileNode,
  shipped: ReadonlySet<StageNode>,
): void {
  const written = new Map<StageNode, { run: InstructionNode; file: string; fetch: BuildTimeFetch }[]>();
  for (const stage of root.stages) {
    if (shipped.has(stage)) continue;
    for (const { instruction, workdir } of withWorkdir(stage)) {
      const fetch = instruction.keyword === 'RUN' ? fetchIn(instruction.command) : undefined;
      if (!fetch) continue;
      // Only what the fetching command itself writes (`gcloud auth print-access-token > /tmp/token`), not the
      // other files of a chained step (`&& curl -o /data/model.bin ...`, which may use the token to download).
      const segments = instruction.command.split(/&&|\|\||;/u).filter((segment) => fetch.pattern.test(segment));
      const files = segments
        .flatMap((segment) => writtenFiles(segment, workdir))
        .map((file) => ({ run: instruction, file, fetch }));
      written.set(stage, [...(written.get(stage) ?? []), ...files]);
    }
  }
  if (written.size === 0) return;
  const reportedRuns = new Set<InstructionNode>();
  for (const stage of shipped) {
    for (const instruction of stage.instructions) {
      const from =
        instruction.keyword === 'COPY' ? instruction.flags.find((flag) => flag.name === 'from')?.value : undefined;
      const source = from ? stageNamed(root, from) : undefined;
      const words = instruction.execForm ?? instruction.args.map((arg) => arg.value);
      const sources = words.slice(0, -1).map((word) => resolvePath('/', word));
      const hit =
        source &&
        written
          .get(source)
          ?.find(({ file }) =>
            sources.some((copied) => copied === file || file.startsWith(`${copied.replace(/\/$/u, '')}/`)),
          );
      if (!hit) continue;
      const session = SESSIONS[hit.fetch.session];
      if (!reportedRuns.has(hit.run)) {
        reportedRuns.add(hit.run);
        report({
          loc: hit.run.loc,
          messageId: 'dockerBuildTimeFetch',
          data: { what: hit.fetch.what, session: session.label, phrase: session.phrase },
        });
      }
      report({
        loc: instruction.loc,
        messageId: 'dockerCopiedBuildCredential',
        data: {
          stage: from!,
          path: hit.file,
          line: String(hit.run.loc.start.line),
          what: hit.fetch.obtained ?? 'obtained',
          session: session.label,
          phrase: session.phrase,
        },
      });
    }
  }
}

function stageNamed(root: DockerfileNode, name: string): StageNode | undefined {
  const wanted = name.toLowerCase();
  return root.stages.find((stage) => stage.name?.toLowerCase() === wanted || String(stage.index) === wanted);
}

/**
 * ENTRYPOINT/CMD run at container start, so a fetch there is not build time (https://docs.docker.com/reference/dockerfile/#entrypoint). Only a
 * script that exports the fetched values as AWS_* variables for the main process is a (process-lifetime) snapshot.
 */
export function checkRuntimeExports(report: ReportProblem, stage: StageNode): void {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ENTRYPOINT' && instruction.keyword !== 'CMD') continue;
    const text = scriptOf(instruction);
    const fetch = fetchIn(text);
    if (!fetch || !RUNTIME_CREDENTIAL_EXPORT.pattern.test(text)) continue;
    report({
      loc: instruction.loc,
      messageId: 'dockerRuntimeExport',
      data: { keyword: instruction.keyword, phrase: SESSIONS[fetch.session].phrase },
    });
  }
}

function scriptOf(instruction: InstructionNode): string {
  return instruction.execForm ? instruction.execForm.join(' ') : instruction.command;
}
