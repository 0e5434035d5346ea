import { DockerfileLanguage } from './language.js';

export type * from './ast.js';

export { DOCKERFILE_FILES, DOCKERFILE_IGNORES } from '../../knowledge/index.js';

export const dockerfile = new DockerfileLanguage();
