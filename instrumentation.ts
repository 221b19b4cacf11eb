// Runs once when a server instance starts: validate configuration (fail fast), then start the in-process jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  const config = env();
  if (config.JOBS_IN_PROCESS && config.DATABASE_URL) {
    const { startJobs } = await import('./lib/jobs');
    await startJobs();
  }
}
