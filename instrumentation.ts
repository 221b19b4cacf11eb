// Runs once when a server instance starts: validate configuration (fail fast), then start the in-process jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvError } = await import('./lib/env');
  let config;
  try {
    config = env();
  } catch (e) {
    // A server that cannot read its configuration must not start and answer 500 on every page.
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  if (config.isDemo && config.DATABASE_URL) {
    const { isEmbeddedDatabase, DEMO_DATABASE_REFUSED } = await import('./lib/db/demo-database');
    if (!isEmbeddedDatabase(config.DATABASE_URL, config.DATA_DIR)) {
      console.error(DEMO_DATABASE_REFUSED);
      process.exit(1);
    }
  }
  if (config.JOBS_IN_PROCESS && config.DATABASE_URL) {
    const { startJobs } = await import('./lib/jobs');
    await startJobs();
  }
}
