import { BUILD_TIME_CREDENTIAL_FETCHES, RUNTIME_CREDENTIAL_EXPORT } from '../../../knowledge/secrets.js';
import { SESSIONS } from '../../../knowledge/sessions.js';
import type { InstructionNode, StageNode } from '../../../languages/dockerfile/index.js';
import type { EmbeddedContext } from '../context.js';
import { removeInstruction } from './edits.js';
import { hasSecretMount } from './stages.js';

const CHAINED = /&&|\|\||;/u;

function fetchIn(text: string) {
  return BUILD_TIME_CREDENTIAL_FETCHES.find((fetch) => fetch.pattern.test(text));
}

/**
 * RUN steps of a shipped stage (and ONBUILD RUN triggers) that obtain credentials while the image is built.
 * A step with `--mount=type=secret` receives its credentials the right way and stays silent.
 */
export function checkBuildTimeFetches(context: EmbeddedContext, stage: StageNode): void {
  for (const instruction of stage.instructions) {
    const run = instruction.keyword === 'ONBUILD' ? instruction.trigger : instruction;
    if (run?.keyword !== 'RUN' || hasSecretMount(run)) continue;
    const fetch = fetchIn(run.command);
    if (!fetch) continue;
    const session = SESSIONS[fetch.session];
    const alone = instruction === run && run.heredocs.length === 0 && !CHAINED.test(run.command);
    context.report({
      loc: instruction.loc,
      messageId: 'dockerBuildTimeFetch',
      data: { what: fetch.what, session: session.label, phrase: session.phrase },
      ...(alone ? { suggest: [{ messageId: 'removeBuildStep', fix: () => removeInstruction(context.sourceCode.text, run) }] } : {}),
    });
  }
}

/**
 * ENTRYPOINT/CMD run at container start, so a fetch there is not build time (https://docs.docker.com/reference/dockerfile/#entrypoint). Only a
 * script that exports the fetched values as AWS_* variables for the main process is a (process-lifetime) snapshot.
 */
export function checkRuntimeExports(context: EmbeddedContext, stage: StageNode): void {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ENTRYPOINT' && instruction.keyword !== 'CMD') continue;
    const text = scriptOf(instruction);
    const fetch = fetchIn(text);
    if (!fetch || !RUNTIME_CREDENTIAL_EXPORT.pattern.test(text)) continue;
    context.report({ loc: instruction.loc, messageId: 'dockerRuntimeExport', data: { keyword: instruction.keyword, phrase: SESSIONS[fetch.session].phrase } });
  }
}

function scriptOf(instruction: InstructionNode): string {
  return instruction.execForm ? instruction.execForm.join(' ') : instruction.command;
}
