import { DEMO_PASSWORD, DEMO_USERNAME, startRomsoftServer } from './index';

/**
 * Starts the local Romsoft server from the command line:
 *   node out/test/server/cli.js --port 0 --seed 1 --patients 200 --plans 25 --token-minutes 28800
 * The first line printed is ROMSOFT_SERVER_URL=<url>, for scripts to read.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const server = await startRomsoftServer({
    port: args['port'],
    seed: args['seed'],
    patients: args['patients'],
    plans: args['plans'],
    tokenLifetimeMinutes: args['token-minutes'],
  });

  const active = server.data.plans.filter((plan) => plan.active).length;
  console.log(`ROMSOFT_SERVER_URL=${server.url}`);
  console.log(`Romsoft demo server on ${server.url}`);
  console.log(`User: ${DEMO_USERNAME}  Password: ${DEMO_PASSWORD}`);
  console.log(`Patients: ${server.data.patients.length}`);
  console.log(`Plans: ${server.data.plans.length} (${active} active)`);

  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const OPTIONS = ['port', 'seed', 'patients', 'plans', 'token-minutes'] as const;
type OptionName = (typeof OPTIONS)[number];

function parseArgs(argv: readonly string[]): Partial<Record<OptionName, number>> {
  const values: Partial<Record<OptionName, number>> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '') as OptionName;
    const value = Number(argv[i + 1]);
    if (!argv[i].startsWith('--') || !OPTIONS.includes(name)) {
      fail(`Unknown option ${argv[i]}. Options: ${OPTIONS.map((o) => `--${o}`).join(' ')}`);
    }
    if (argv[i + 1] === undefined || !Number.isInteger(value) || value < 0) {
      fail(`--${name} needs a non-negative integer`);
    }
    values[name] = value;
  }
  return values;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
