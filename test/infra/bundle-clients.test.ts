import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleOptions, functionNames } from "../bench/bundles-build.ts";

/**
 * Each function's bundle, built as the CDK construct builds it, evaluates at cold start only the
 * AWS SDK clients that function builds there. A client it does not use costs module init at
 * every cold start (BENCHMARKS.md, bundles), and nothing else would notice it arriving through a
 * shared import. Modules behind a dynamic `import()` are evaluated on first use, so the walk follows
 * static imports only. SSM is evaluated at cold start in the functions that hold secrets (a deployed
 * one reads its parameters on its first request; behind `import()` esbuild would keep the SSM client
 * whole, 100 KB more to parse). The chain of imports that
 * brought a client in is printed on failure.
 */
const CLIENTS_USED: Record<string, string[]> = {
  // The http-api loads SES on the first "Email me a fresh link" (ON_FIRST_USE below).
  "http-api": ["client-dynamodb", "client-ssm"],
  // The console loads SES on the first "Resend the latest notice" (ON_FIRST_USE below).
  console: ["client-dynamodb", "client-ssm"],
  "ses-events": ["client-dynamodb", "client-eventbridge"],
  // The planner and sweeper send advisor escalations through SES loaded on the first one
  // (ON_FIRST_USE below), so their cold start evaluates no SES client.
  planner: ["client-dynamodb", "client-eventbridge", "client-scheduler"],
  sweeper: ["client-dynamodb", "client-eventbridge", "client-scheduler"],
  reminder: ["client-dynamodb", "client-eventbridge", "client-scheduler", "client-sesv2", "client-ssm"],
};

/**
 * Clients a function uses but loads on first use, behind `import()`: in its bundle (so the first
 * use works without a network fetch), not evaluated at cold start (checked by CLIENTS_USED).
 */
const ON_FIRST_USE: Record<string, string[]> = {
  "http-api": ["client-sesv2"],
  console: ["client-sesv2"],
  planner: ["client-sesv2"],
  sweeper: ["client-sesv2"],
};

/** The first import path from the entry to `target`, for a failure message that says why. */
type Inputs = Record<string, { imports: { path: string; kind: string }[] }>;

/** Every module evaluated at import, each with the module that first imported it (static imports only). */
function staticImports(inputs: Inputs, entry: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const from = queue.shift() as string;
    for (const { path, kind } of inputs[from]?.imports ?? []) {
      if (kind === "dynamic-import" || parent.has(path)) continue;
      parent.set(path, from);
      queue.push(path);
    }
  }
  return parent;
}

function chainTo(parent: Map<string, string | null>, target: string): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = target; at; at = parent.get(at)) chain.unshift(at);
  return chain.filter((path) => !path.includes("node_modules/") || path === target).join(" → ");
}

/**
 * Modules a function's cold start must not evaluate, with why: each cost tens of milliseconds of
 * module init when a shared import brought it in (the milestone catalog is parsed with zod at
 * import; the http-api imports the planner only for the applicant's pages; the snapshot module
 * builds every intake schema at import, which the planner, sweeper and reminder never parse, so
 * they take the milestone keys and limits from snapshot-keys.ts). Classic zod: its schema classes
 * cost about 40 ms of module init at the first schema built, so the schemas these functions build
 * or parse at cold start (configuration, event, preferences, link payloads, the snapshot and
 * what-if schemas the console and http-api import) use zod/mini
 * (shared/domain/zod-mini.ts); one classic import anywhere on the path brings that cost back.
 */
const CLASSIC_ZOD = "node_modules/zod/v4/classic/";
const NOT_AT_COLD_START: Record<string, string[]> = {
  planner: ["shared/domain/snapshot.ts", CLASSIC_ZOD],
  sweeper: ["shared/domain/snapshot.ts", CLASSIC_ZOD],
  reminder: ["shared/domain/snapshot.ts", CLASSIC_ZOD],
  "http-api": [
    "shared/domain/catalog/index.ts",
    "shared/domain/planner.ts",
    "node_modules/ical-generator/",
    CLASSIC_ZOD,
  ],
  // The resend (its email template and message code) is loaded on the first "Resend the latest notice".
  console: [CLASSIC_ZOD, "shared/usecases/resend-notice.ts", "shared/email/templates/"],
  "ses-events": ["shared/domain/catalog/index.ts", "node_modules/luxon/", "shared/intake/", CLASSIC_ZOD],
};

/** Each function's bundle metafile inputs: every module in the bundle, with its imports. */
const bundleInputs = new Map<string, Promise<Inputs>>();
function inputsOf(name: string): Promise<Inputs> {
  let inputs = bundleInputs.get(name);
  if (!inputs) {
    inputs = build({
      ...bundleOptions(name, join("/tmp", "matchpath-bundle-clients", name)),
      write: false,
      metafile: true,
      absWorkingDir: join(import.meta.dirname, "../.."),
    }).then((result) => result.metafile.inputs);
    bundleInputs.set(name, inputs);
  }
  return inputs;
}

/** Every module the bundle evaluates at import, each with the module that first imported it. */
async function evaluatedAtColdStart(name: string): Promise<Map<string, string | null>> {
  return staticImports(await inputsOf(name), `functions/${name}/handler.ts`);
}

/** The SDK clients a set of module paths holds. */
function clientsIn(paths: Iterable<string>): Set<string> {
  const clients = new Set<string>();
  for (const path of paths) {
    const client = /node_modules\/@aws-sdk\/(client-[^/]+)\//.exec(path)?.[1];
    if (client) clients.add(client);
  }
  return clients;
}

async function bundledClients(name: string) {
  const evaluated = await evaluatedAtColdStart(name);
  const clients = new Map<string, string>();
  for (const path of evaluated.keys()) {
    const client = /node_modules\/@aws-sdk\/(client-[^/]+)\//.exec(path)?.[1];
    if (client && !clients.has(client)) clients.set(client, chainTo(evaluated, path));
  }
  return clients;
}

describe("function bundles evaluate at cold start only the AWS SDK clients their function uses", () => {
  it("lists every function", () => {
    expect(functionNames().sort()).toEqual(Object.keys(CLIENTS_USED).sort());
  });

  it.each(Object.entries(CLIENTS_USED))("%s", async (name, used) => {
    const clients = await bundledClients(name);
    const unused = [...clients].filter(([client]) => !used.includes(client)).map(([, chain]) => chain);
    expect(unused, "SDK clients bundled but not used, each with the imports that brought it in").toEqual([]);
    expect([...clients.keys()].sort()).toEqual(used);
  });
});

describe("function bundles carry, behind import(), the clients their function loads on first use", () => {
  it.each(Object.entries(ON_FIRST_USE))("%s", async (name, lazy) => {
    const bundled = clientsIn(Object.keys(await inputsOf(name)));
    const atColdStart = clientsIn((await evaluatedAtColdStart(name)).keys());
    for (const client of lazy) {
      expect(bundled, `${client} in the bundle`).toContain(client);
      expect(atColdStart, `${client} evaluated at cold start`).not.toContain(client);
    }
  });
});

describe("function bundles leave out of cold start what only some requests need", () => {
  it.each(Object.entries(NOT_AT_COLD_START))("%s", async (name, modules) => {
    const evaluated = await evaluatedAtColdStart(name);
    const found = [...evaluated.keys()]
      .filter((path) => modules.some((module) => path.includes(module)))
      .map((path) => chainTo(evaluated, path));
    expect(found, "modules evaluated at cold start, each with the imports that brought it in").toEqual([]);
  });
});
