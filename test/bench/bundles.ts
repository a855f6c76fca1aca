import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { bundleOptions, functionNames, ROOT } from "./bundles-build.ts";
import { benchNode, majorOf } from "./lambda-node.ts";
import { type BenchSuite, below, type Figure, info } from "./lib/report.ts";

/**
 * Cold-start proxies for each function bundle, built the way the CDK construct builds it
 * (infra/constructs/matchpath-function.ts: ESM, minified, node24, AWS SDK bundled, module before
 * main, the createRequire banner, source map written beside the bundle and not counted): the
 * minified size, and the time to import the bundle in a fresh Node process (median of 20), which
 * is the module-initialisation part of a Lambda cold start (it excludes the runtime's own start
 * and the first network call).
 */

/** What each handler reads from the environment at import (config validated at cold start). */
export const IMPORT_ENV: Record<string, string> = {
  AWS_REGION: "us-east-1",
  TABLE_NAME: "matchpath-bench",
  EVENT_BUS_NAME: "matchpath",
  WAKE_UP_SCHEDULER: "eventbridge",
  SCHEDULE_GROUP_NAME: "matchpath",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::000000000000:role/scheduler",
  REMINDER_FUNCTION_ARN: "arn:aws:lambda:us-east-1:000000000000:function:reminder",
  SCHEDULER_DLQ_ARN: "arn:aws:sqs:us-east-1:000000000000:dlq",
  SENDER_ADDRESS: "Matchpath <reminders@example.org>",
  PUBLIC_BASE_URL: "https://matchpath.example",
  WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  UNSUBSCRIBE_SECRET: "u".repeat(40),
  LINK_SIGNING_KEYS: `k1=${"k".repeat(40)}`,
  CONSOLE_ISSUER: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_bench",
  CONSOLE_CLIENT_ID: "bench-client",
  CONSOLE_AUTHORIZE_URL: "https://matchpath-bench.auth.us-east-1.amazoncognito.com/oauth2/authorize",
  CONSOLE_TOKEN_URL: "https://matchpath-bench.auth.us-east-1.amazoncognito.com/oauth2/token",
  POWERTOOLS_LOG_LEVEL: "SILENT",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
};

/** One function's bundle: its entry file, and the bytes read at cold start and in all. */
export interface BuiltBundle {
  file: string;
  /** `index.mjs` and the chunks it imports statically: what a cold start reads and compiles. */
  coldStartBytes: number;
  /** Every output file (`.mjs`), lazily imported chunks included. */
  totalBytes: number;
}

export async function bundle(name: string, outdir: string): Promise<BuiltBundle> {
  const dir = join(outdir, name);
  const { metafile } = await build({ ...bundleOptions(name, dir), metafile: true });
  const outputs = metafile.outputs;
  // Output paths are relative to the working directory; each lazily imported module is an entry point too.
  const entry = relative(process.cwd(), join(dir, "index.mjs"));
  const loaded = new Set([entry]);
  for (const path of loaded) {
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) loaded.add(imported.path);
    }
  }
  const bytes = (paths: Iterable<string>) =>
    [...paths].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
  return {
    file: join(dir, "index.mjs"),
    coldStartBytes: bytes(loaded),
    totalBytes: bytes(Object.keys(outputs).filter((path) => path.endsWith(".mjs"))),
  };
}

/**
 * The environment one bundle imports with. The console reads its static files at import from the
 * folder the CDK stack ships beside its bundle (`CONSOLE_ASSETS_DIR`), so the same files are copied here.
 */
function importEnv(name: string, file: string): Record<string, string> {
  if (name !== "console") return IMPORT_ENV;
  const assets = join(file, "..", "assets");
  for (const from of ["functions/console/assets", "node_modules/htmx.org/dist"]) {
    cpSync(join(ROOT, from), assets, { recursive: true });
  }
  return { ...IMPORT_ENV, CONSOLE_ASSETS_DIR: assets };
}

/** Milliseconds to import the bundle in a fresh `node` process, measured inside it around the import. */
function importTime(node: string, file: string, env: Record<string, string>): number {
  const probe = join(file, "..", "probe.mjs");
  writeFileSync(
    probe,
    `const t0 = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t0));`,
  );
  const result = spawnSync(node, [probe], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`importing ${file} failed: ${result.stderr}`);
  return Number(result.stdout);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const bundlesSuite: BenchSuite = {
  name: "bundles",
  description:
    "Each `functions/*/handler.ts` bundled with esbuild exactly as the CDK function construct does (one definition for both: infra/constructs/function-bundling.ts; ESM, minified, target node24, AWS SDK bundled, `module` before `main`, the createRequire banner; the source map is a separate file and not counted). Size is the minified `.mjs`. Init is the time to `import()` the bundle in a fresh Node process (measured inside the process around the import, median of 20 processes; 5 with `--quick`), with the environment each handler validates at import: AWS_REGION, TABLE_NAME, EVENT_BUS_NAME, WAKE_UP_SCHEDULER (+ SCHEDULE_GROUP_NAME, SCHEDULER_ROLE_ARN, SCHEDULER_DLQ_ARN, REMINDER_FUNCTION_ARN), SENDER_ADDRESS, PUBLIC_BASE_URL, WEBHOOK_SECRET, UNSUBSCRIBE_SECRET, LINK_SIGNING_KEYS, and the console's CONSOLE_ISSUER, CONSOLE_CLIENT_ID, CONSOLE_AUTHORIZE_URL, CONSOLE_TOKEN_URL. Since session 51 the fresh processes run Lambda's Node.js major, as the planner suite's children do (test/bench/lambda-node.ts: a pinned release of the functions' `nodejs24.x`, fetched once from the npm registry, or `MATCHPATH_BENCH_NODE`); before, they ran this machine's Node.js 20 (the AWS SDK team measured Node 22 15-20 ms slower to init than Node 20). `bundle.node_version` gives the major that ran. Size is reported, not a target: the bundled SDK is a deliberate choice (README, Deploy: each function runs the SDK version the tests ran), and init, which is what a cold start pays, is the target.",
  notes:
    "**Session 51: init is over its target again, and the bundles have doubled.** Measured on Lambda's Node.js 24 for the first time (quiet machine): console 173, planner 175, reminder 193, sweeper 187 ms (http-api 123, ses-events 94.5), where the last full run (on Node.js 20, some sessions back) read 141, 112, 135 and 121. The runtime is a small part: the same bundles imported alternately on Node.js 20 and 24 at the same moment took 190 against 198 ms (reminder) and 177 against 180 ms (planner) in wall time, 7-10 % more CPU on 24. The rest is size: what a cold start reads grew with the planner's rules, the planner's from 602 to 1,171 KB and the reminder's from 813 to 1,402 KB, and V8 compiles in proportion to bytes (below). Not mended this session. " +
    "Findings. Init is mostly two costs: V8 reading and compiling the bundle (about half, roughly in proportion to its bytes, including code behind a lazy `import()`, which is only pre-parsed) and evaluating the modules the handler imports statically (zod schemas built and parsed at import, the SDK clients, the milestone catalog). What each function evaluates at cold start is kept to what it uses: one builder module per SDK client, each handler.ts passing only the builders its function uses (before, one shared factory object put all four clients in every bundle); SSM imported on the first parameter read; one configuration module per function (shared/config/<function>.ts); ses-events writing to the suppression list alone (its bundle fell from 746 to about 500 KB, without luxon, the domain schemas or the intake code); the link keyring and the one-tap action names apart from the link tokens, which had brought the milestone catalog's zod parse into every function. test/infra/bundle-clients.test.ts reads each bundle's metafile and fails, naming the import chain, when a function evaluates a client it does not use or when the http-api or ses-events evaluates the catalog. The catalog, fee, ladder and season files are read as their types, not parsed with zod at import (about 30 ms CPU each cold start of the planner, sweeper, reminder and console): test/unit/domain/data-files.test.ts parses them instead; the planner and sweeper load the SES client on the first advisor escalation, the console on the first resend (behind `import()`). **Code splitting** (function-bundling.ts `splitting: true`; the function construct runs esbuild itself because NodejsFunction writes one file): a module behind `import()` is its own chunk under `chunks/`, tree-shaken, read and compiled only on first use. Before, esbuild kept it whole inside the one file (esbuild issues #3987, #4255) and every cold start pre-parsed it: the reminder's index.mjs fell from 1,046 to 360 KB (827 KB read at cold start with its static chunks) and its module-init CPU by about 16 % (interleaved, loaded machine); the http-api, whose page, form and calendar code is behind `import()`, from 989 to 198 KB (583 KB at cold start). `size_minified` is what a cold start reads (index.mjs and the chunks it imports statically); `size_with_lazy_chunks` is every chunk. SSM stays imported statically: a deployed http-api, console and reminder read their parameters on the first request anyway. The console's JWKS key set is built on the first token (jose's `Headers` made Node load its fetch implementation, undici, at init). What remains, by a CPU profile of the console's import: about a third compiling the bundle (in proportion to its bytes), a third evaluating modules (zod schemas built at import, SDK clients and their modules, luxon), a tenth loading Node built-ins (http, https, zlib, crypto, child_process: imported at the top of an ESM bundle). Tried and dropped: `--max-semi-space-size=16` (fewer scavenges during init; no gain measured). Not in this measure: Lambda's NODE_OPTIONS=--enable-source-maps, which the function construct sets so that a logged stack trace names the TypeScript file and line. Node then reads and parses the source map of every file it loads, about 16 % more module-init CPU (reminder 130 -> 151 ms, interleaved, load 21); with code splitting only the loaded chunks' maps are read, and the reminder with source maps (151 ms) costs less than it did without them in one file (154 ms). Kept: the functions run asynchronously or behind a page load where 20 ms is not felt, and an operator reading an alarm's log line in their own account has no other way from a minified position to the code. Size is not a target: the bundled AWS SDK alone (about 300 KB for two or three clients) fills 300 KB, and the function construct bundles it on purpose. Init here is evaluating every module; Lambda adds the runtime's start and the first TLS connection (about 125 ms to DynamoDB, aws-numbers.md §3).",
  async run({ quick, progress = () => undefined }) {
    const node = benchNode(progress);
    progress(`imports run on Node.js ${node.version} (${node.origin})`);
    const outdir = mkdtempSync(join(tmpdir(), "matchpath-bundles-"));
    const figures: Figure[] = [];
    try {
      for (const name of functionNames()) {
        const { file, coldStartBytes, totalBytes } = await bundle(name, outdir);
        figures.push(
          info(
            `bundle.${name}.size_minified`,
            Math.round(coldStartBytes / 1024),
            "KB",
            "read at cold start (index.mjs and its static chunks); not a target (bundled AWS SDK)",
          ),
          info(
            `bundle.${name}.size_with_lazy_chunks`,
            Math.round(totalBytes / 1024),
            "KB",
            "every chunk, those loaded on first use included",
          ),
        );
        const times = Array.from({ length: quick ? 5 : 20 }, () =>
          importTime(node.path, file, importEnv(name, file)),
        );
        figures.push(
          below(
            `bundle.${name}.module_init_median`,
            Math.round(median(times) * 10) / 10,
            "ms",
            150,
            `median of ${times.length} fresh processes`,
          ),
        );
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    figures.push(
      info(
        "bundle.node_version",
        majorOf(node.version),
        "major",
        `init measured on Node.js ${node.version} (${node.origin}${node.lambdaMajor ? ", Lambda's major" : ", NOT Lambda's major"})`,
      ),
    );
    return figures;
  },
};
