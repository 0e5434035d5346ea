// Service settings read once at start-up. Plain configuration, not credentials: nothing here expires.
export const settings = {
  region: process.env.AWS_REGION ?? 'eu-west-1',
  replicaRegion: process.env.REPLICA_REGION ?? 'eu-central-1',
  exportBucket: process.env.REPORT_BUCKET ?? 'acme-report-exports',
  replicaBucket: process.env.REPLICA_BUCKET ?? 'acme-report-exports-replica',
  gcpProject: process.env.GCP_PROJECT ?? 'acme-reports-prod',
  port: Number(process.env.PORT ?? 8080),
} as const;
