import { DockerfileLanguage } from './language.js';

export type * from './ast.js';
export { DockerfileLanguage } from './language.js';
export { DockerfileSourceCode } from './source-code.js';

/** Files the Dockerfile language is meant for. */
export const DOCKERFILE_FILES = ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile'];
/** BuildKit's per-Dockerfile ignore files (`Dockerfile.dockerignore`) match `**\/Dockerfile.*` but are not Dockerfiles. */
export const DOCKERFILE_IGNORES = ['**/*.dockerignore'];

export const dockerfile = new DockerfileLanguage();
