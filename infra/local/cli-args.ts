import { parseArgs } from "node:util";

type OptionSpec = { type: "string" | "boolean"; short?: string };

/**
 * The options of a local command (`npm start`, `npm run demo`), read strictly with `--help`/`-h`
 * added: an unknown or malformed option prints its error and the usage and exits 2; `--help`
 * prints the usage and exits 0.
 */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(options: O, usage: string) {
  const config = {
    options: { ...options, help: { type: "boolean", short: "h" } } as O & {
      help: { type: "boolean"; short: "h" };
    },
    strict: true,
  } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return parsed.values;
}
