import { DockerfileLanguage } from './language.js';

export type * from './ast.js';
export { DockerfileLanguage } from './language.js';
export { DockerfileSourceCode } from './source-code.js';

export { DOCKERFILE_FILES, DOCKERFILE_IGNORES } from '../../knowledge/index.js';

export const dockerfile = new DockerfileLanguage();
