// The options module for ESLint's multithreaded linting (`ESLint.fromOptionsModule`): each worker thread imports
// this URL and builds the same fixing engine as the main thread. The parameters travel in the URL's query.
import type { ESLint } from 'eslint';
import plugin from '../index.js';
import { engineOptions, type EngineSpec } from './engine-options.js';

const query = new URL(import.meta.url).searchParams;

const options: ESLint.Options = {
  ...engineOptions(plugin, {
    ...(JSON.parse(query.get('spec') ?? '{}') as EngineSpec),
    fix: true,
  }),
  concurrency: Number(query.get('concurrency') ?? 'off'),
};

export default options;
