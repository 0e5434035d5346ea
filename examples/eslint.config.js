// The plugin wired up exactly as a user of the published package would do it.
// Inside this repository the package name resolves to the repo itself (Node's package self-reference),
// so `npm run build` must have produced dist/ first (`npm run demo` does that).
import credentialExpiry from 'eslint-plugin-credential-expiry';

export default [
  ...credentialExpiry.configs.recommended,
  {
    // report-exporter runs as an ECS/Fargate task: its task-role session is the signing/snapshot lifetime.
    settings: { 'credential-expiry': { platform: 'ecs' } },
  },
];
