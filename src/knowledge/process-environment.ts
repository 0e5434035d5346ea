/**
 * Modules that start processes or workers with a copy of the parent's environment: a token written into
 * `process.env` before one of them starts is read by it, whatever the parent reads itself.
 */
export const ENVIRONMENT_INHERITING_MODULES = {
  modules: [
    'child_process',
    'node:child_process',
    'execa',
    'cross-spawn',
    'cluster',
    'node:cluster',
    'worker_threads',
    'node:worker_threads',
  ],
  source:
    'https://nodejs.org/api/child_process.html (options.env, default: process.env); https://nodejs.org/api/cluster.html (cluster.fork([env]): added to the worker process environment); https://nodejs.org/api/worker_threads.html (new Worker options.env, default: process.env); sindresorhus/execa and moxystudio/node-cross-spawn wrap child_process',
} as const;
