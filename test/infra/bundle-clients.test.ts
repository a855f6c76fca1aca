import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleOptions, functionNames } from "../bench/bundles-build.ts";

/**
 * Each function's bundle, built as the CDK construct builds it, evaluates at cold start only the
 * AWS SDK clients that function builds there. A client it does not use costs module init at
 * every cold start (BENCHMARKS.md, bundles), and nothing else would notice it arriving through a
 * shared import. Modules behind a dynamic `import()` (SSM, read only when a secret is a parameter)
 * are evaluated on first use, so the walk follows static imports only. The chain of imports that
 * brought a client in is printed on failure.
 */
const CLIENTS_USED: Record<string, string[]> = {
  "http-api": ["client-dynamodb"],
  console: ["client-dynamodb", "client-sesv2"],
  "ses-events": ["client-dynamodb", "client-eventbridge"],
  // Escalations to the advisor are sent by the planner and the sweeper (issue 15).
  planner: ["client-dynamodb", "client-eventbridge", "client-scheduler", "client-sesv2"],
  sweeper: ["client-dynamodb", "client-eventbridge", "client-scheduler", "client-sesv2"],
  reminder: ["client-dynamodb", "client-eventbridge", "client-scheduler", "client-sesv2"],
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
 * import; the http-api imports the planner only for the applicant's pages).
 */
const NOT_AT_COLD_START: Record<string, string[]> = {
  "http-api": ["shared/domain/catalog/index.ts", "shared/domain/planner.ts", "node_modules/ical-generator/"],
  "ses-events": ["shared/domain/catalog/index.ts", "node_modules/luxon/", "shared/intake/"],
};

/** Every module the bundle evaluates at import, each with the module that first imported it. */
const evaluatedModules = new Map<string, Promise<Map<string, string | null>>>();
function evaluatedAtColdStart(name: string): Promise<Map<string, string | null>> {
  let evaluated = evaluatedModules.get(name);
  if (!evaluated) {
    evaluated = build({
      ...bundleOptions(name, join("/tmp", "matchpath-bundle-clients", name, "index.mjs")),
      write: false,
      metafile: true,
      absWorkingDir: join(import.meta.dirname, "../.."),
    }).then((result) => staticImports(result.metafile.inputs, `functions/${name}/handler.ts`));
    evaluatedModules.set(name, evaluated);
  }
  return evaluated;
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

describe("function bundles leave out of cold start what only some requests need", () => {
  it.each(Object.entries(NOT_AT_COLD_START))("%s", async (name, modules) => {
    const evaluated = await evaluatedAtColdStart(name);
    const found = [...evaluated.keys()]
      .filter((path) => modules.some((module) => path.includes(module)))
      .map((path) => chainTo(evaluated, path));
    expect(found, "modules evaluated at cold start, each with the imports that brought it in").toEqual([]);
  });
});
