import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";

// The house in layers (README, "Architecture": its layout table): dependencies point inward, none
// runs back up. Each
// folder of shared/ lists the folders it may import from (anything else fails); functions import
// shared/ and never another function; the CDK app imports no function's code but its route list;
// nothing in production imports the tests. Every import counts: static, `export … from`,
// side-effect, dynamic `import()`, with an alias (`#domain/…`) or a relative path. The domain's
// own purity (no AWS, no I/O, no clock) is test/unit/domain/purity.test.ts.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ALIASES = Object.entries(
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { imports: Record<string, string> })
    .imports,
);

/** What each folder of shared/ may import at run time (its own folder always). */
const SHARED_MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  errors: ["domain"],
  observability: [],
  ports: ["domain", "errors"],
  links: ["domain", "errors"],
  calendar: ["domain", "errors"],
  http: ["domain", "errors"],
  email: ["domain", "errors", "links"],
  pages: ["domain", "errors", "email", "links", "calendar"],
  intake: ["domain", "errors", "ports"],
  adapters: ["domain", "errors", "observability", "ports"],
  usecases: ["domain", "errors", "ports", "email", "links", "calendar", "observability"],
  // The one module that reads the environment builds the settings its adapters declare.
  config: ["errors", "intake", "links"],
  // `npm run plan` refuses what the webhook refuses, its body limit included (shared/http/request.ts).
  // `--emails` runs the reminder function's use case on ports held in memory, with its renderer and links.
  cli: ["domain", "errors", "intake", "http", "usecases", "email", "links"],
};
/**
 * The layers inside shared/domain, lowest first: each may import only those before it (and itself).
 * The root files are the vocabulary everything reads (time, snapshot, plan, money, words); the
 * seasons' dates, then the catalog of milestones and fees that cites them; the planner that reads
 * both; the console's rules over plans. A root file that reads a layer above the root sits in that
 * layer (DOMAIN_ROOT_FILES_ABOVE), so a new root file is vocabulary until it says otherwise.
 */
const DOMAIN_LAYERS = ["root", "seasons", "catalog", "planner", "console"] as const;
/** Files at the root of shared/domain that belong to a layer above the vocabulary. */
const DOMAIN_ROOT_FILES_ABOVE: Record<string, (typeof DOMAIN_LAYERS)[number]> = {
  // The applicant's choices offered from the catalog and the seasons, and preferences applied to them.
  // Done on SOAP opens at the first offer round the planner plans (planner/soap-done-before-offers.ts).
  "applicant-choices.ts": "planner",
  // A waiting step's one action (the H-1B stamping's Not for me) from those choices, and the route question it answers.
  "waiting-step-actions.ts": "planner",
  "apply-preferences.ts": "catalog",
  // Whether an exam can be booked now, from the catalog's steps that take a booked day.
  "exam-booking.ts": "catalog",
  // Whether a step belongs to the applicant's visa track (the catalog's `applies.visas`).
  "off-track-action.ts": "catalog",
  // No Snooze under a critical notice (the planner's notice rungs) nor on SOAP in Match Week (the seasons).
  "snoozes.ts": "planner",
  // The planner's plan with the applicant's snoozes and preferences applied, for every caller.
  "applicant-plan.ts": "planner",
  // The budget as the pages print it, naming where a fee to verify is checked (the catalog's fees).
  "budget-words.ts": "catalog",
  // The budget table every surface shows, from budget-words.ts's rows.
  "budget-table.ts": "catalog",
  // No step listed before a step it needs (the catalog's prerequisites), and the reading order that uses it.
  "prerequisite-order.ts": "catalog",
  "listed-steps.ts": "catalog",
  // The planner's entry point and the interview rules it shares with the store's cancellations.
  "planner.ts": "planner",
  "cancelled-reminders.ts": "planner",
  "interview-cancellations.ts": "planner",
  // An interview's time at the program and a reminder's kind, read from the planner's interview ids and rungs.
  "program-time.ts": "planner",
  "reminder-kind.ts": "planner",
  // A shown step card's sources, read from the planner's texts with its projection rules' sources.
  "step-sources.ts": "planner",
};
/**
 * The layers inside shared/intake, lowest first: reading one answer (`answers/`: dates, times,
 * instants, the snapshot paths a field can fill) knows no provider; each provider and their one
 * list (`providers/`) read answers; the form mapping (`mapping/`: the mapping document, its
 * answer-type checks, the mapper) is checked against the list; the entry point (`receive.ts`:
 * verify, parse, map) uses them all. The root's other files (JSON, Standard Webhooks) are below.
 */
const INTAKE_LAYERS = ["root", "answers", "providers", "mapping", "entry"] as const;
const INTAKE_ROOT_FILES_ABOVE: Record<string, (typeof INTAKE_LAYERS)[number]> = { "receive.ts": "entry" };

/** The sub-layer of a file inside shared/domain or shared/intake, as an index into its list. */
function subLayerOf(path: string): { layers: readonly string[]; index: number } | undefined {
  const [top, folder, second = "", third] = path.split("/");
  if (top !== "shared") return undefined;
  if (folder === "domain") {
    const layer = third === undefined ? (DOMAIN_ROOT_FILES_ABOVE[second] ?? "root") : second;
    return { layers: DOMAIN_LAYERS, index: DOMAIN_LAYERS.indexOf(layer as (typeof DOMAIN_LAYERS)[number]) };
  }
  if (folder === "intake") {
    const layer = third === undefined ? (INTAKE_ROOT_FILES_ABOVE[second] ?? "root") : second;
    return { layers: INTAKE_LAYERS, index: INTAKE_LAYERS.indexOf(layer as (typeof INTAKE_LAYERS)[number]) };
  }
  return undefined;
}

/** Imports of types only, erased at build: a layer may name a type of the layer that hands it data. */
const SHARED_MAY_IMPORT_TYPES: Record<string, readonly string[]> = {
  // Pages render what a use case returns; they call nothing themselves.
  pages: ["usecases"],
  // config parses the environment into each adapter's own settings type (AwsClientSettings, WakeUpSettings).
  config: ["adapters"],
  // `--emails` holds the reminder function's ports in memory: their shapes, no adapter.
  cli: ["ports"],
};
/** The only packages the domain may use: dates in zones and schemas. */
const DOMAIN_PACKAGES = ["luxon", "zod"];
/** The function code the CDK app may read: each HTTP function's list of routes, the sweeper's schedule input. */
const INFRA_MAY_IMPORT_FROM_FUNCTIONS = [
  "functions/http-api/route-keys.ts",
  "functions/console/route-keys.ts",
  "functions/sweeper/schedule-input.ts",
];

interface Import {
  specifier: string;
  typeOnly: boolean;
}

// Biome formats every static import or re-export as a statement at the start of a line ending in
// `from "…";` (or `import "…";`), so a line-anchored pattern reads them, type-only ones included
// (TypeScript 7 has no JS API, and esbuild erases type imports). A dynamic `import()` can sit
// anywhere in a line, so it is read from esbuild's output instead: esbuild tokenizes the file for
// real and drops every comment, so prose that mentions import() is never taken for one.
const STATIC =
  /^(import|export)\s+(type\s+)?([^;]*?)\s*\bfrom\s+["']([^"']+)["'];?|^import\s+["']([^"']+)["']/gm;
// esbuild keeps a comment written inside the parentheses (`import(/* why */ "x")`): skip it.
const DYNAMIC = /\bimport\(\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:["'`]([^"'`$]+)["'`]\s*\))?/g;

/** The source's code without comments (esbuild's TypeScript transform; value imports kept as written). */
function withoutComments(text: string): string {
  return transformSync(text, {
    loader: "ts",
    format: "esm",
    legalComments: "none",
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  }).code;
}

/** Every module a source text imports, with whether the import is erased (types only). */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(STATIC)) {
    const [, , typeKeyword, names = "", specifier, sideEffect] = match;
    if (sideEffect !== undefined) {
      found.push({ specifier: sideEffect, typeOnly: false });
      continue;
    }
    const braces = /^\{([^}]*)\}$/.exec(names.trim());
    const everyNameIsType = braces?.[1]
      ?.split(",")
      .map((name) => name.trim())
      .filter(Boolean)
      .every((name) => name.startsWith("type "));
    found.push({
      specifier: specifier ?? "",
      typeOnly: typeKeyword !== undefined || everyNameIsType === true,
    });
  }
  for (const match of withoutComments(text).matchAll(DYNAMIC)) {
    // A computed import() cannot be checked: refuse it, so every import stays readable.
    found.push({ specifier: match[1] ?? "<computed>", typeOnly: false });
  }
  return found;
}

/** The repository path an import names (`pkg:<name>` for a package). */
function targetOf(fromPath: string, specifier: string): string {
  if (specifier.startsWith("#")) {
    for (const [alias, target] of ALIASES) {
      if (alias === specifier) return target.slice(2);
      if (alias.endsWith("*") && specifier.startsWith(alias.slice(0, -1))) {
        return target.slice(2, -1) + specifier.slice(alias.length - 1);
      }
    }
    return `unknown-alias:${specifier}`;
  }
  if (specifier.startsWith(".")) return relative(ROOT, resolve(dirname(join(ROOT, fromPath)), specifier));
  const parts = specifier.split("/");
  return `pkg:${specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]}`;
}

/** The layer a repository path belongs to: `shared/<folder>`, `functions/<name>`, `infra`, `infra/local`, `test`. */
function layerOf(path: string): string {
  const [top, second = ""] = path.split("/");
  if (top === "shared") return `shared/${second.replace(/\.ts$/, "")}`;
  if (top === "functions") return `functions/${second}`;
  if (top === "infra") return second === "local" ? "infra/local" : "infra";
  return top ?? path;
}

/** Why an import breaks the layers, or undefined when it may be made. */
function violation(fromPath: string, found: Import): string | undefined {
  const target = targetOf(fromPath, found.specifier);
  const from = layerOf(fromPath);
  const what = `${fromPath} imports ${found.specifier}`;
  if (found.specifier === "<computed>") return `${what}: a computed import() cannot be checked`;
  if (target.startsWith("unknown-alias:")) return `${what}: no such alias in package.json "imports"`;
  if (target.startsWith("pkg:")) {
    if (from === "shared/domain" && !DOMAIN_PACKAGES.includes(target.slice(4))) {
      return `${what}: the domain uses only ${DOMAIN_PACKAGES.join(" and ")}`;
    }
    return undefined;
  }
  const to = layerOf(target);
  if (to === from) {
    const [below, above] = [subLayerOf(fromPath), subLayerOf(target)];
    if (below === undefined || above === undefined || above.index <= below.index) return undefined;
    return `${what}: inside ${from}, ${below.layers[below.index]} may import only ${below.layers.slice(0, below.index + 1).join(", ")}`;
  }
  if (to === "test" && from !== "test") return `${what}: production code never imports the tests`;
  if (from.startsWith("shared/")) {
    const folder = from.slice("shared/".length);
    const toFolder = to.startsWith("shared/") ? to.slice("shared/".length) : undefined;
    if (toFolder !== undefined && SHARED_MAY_IMPORT[folder]?.includes(toFolder)) return undefined;
    if (toFolder !== undefined && found.typeOnly && SHARED_MAY_IMPORT_TYPES[folder]?.includes(toFolder)) {
      return undefined;
    }
    return `${what}: shared/${folder} may import only ${[...(SHARED_MAY_IMPORT[folder] ?? [])].join(", ") || "itself"}`;
  }
  if (from.startsWith("functions/")) {
    if (to.startsWith("functions/"))
      return `${what}: a function never reaches into another function's folder`;
    if (to.startsWith("infra")) return `${what}: a function never imports the infrastructure`;
    return undefined;
  }
  if (from === "infra") {
    if (to === "infra/local") return `${what}: the CDK app never imports the local stack`;
    if (to.startsWith("functions/") && !INFRA_MAY_IMPORT_FROM_FUNCTIONS.includes(target)) {
      return `${what}: the CDK app bundles functions, it imports only their route lists and schedule inputs`;
    }
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.m?ts$/.test(path) ? [path] : [];
  });
}

const files = ["shared", "functions", "infra"].flatMap((top) =>
  sourceFiles(join(ROOT, top)).map((path) => relative(ROOT, path)),
);

function violationsIn(path: string, text: string): string[] {
  return importsOf(text).flatMap((found) => violation(path, found) ?? []);
}

/**
 * A cycle of run-time imports among `paths` (repository paths), as the path that closes it
 * (`a.ts -> b.ts -> a.ts`), or undefined. Type-only imports are erased at build and do not count.
 * A cycle works only while every binding it crosses is read after evaluation; one top-level use
 * of an imported constant throws (temporal dead zone), so the parts of a split module import a
 * shared leaf, never their orchestrator back.
 */
function runtimeImportCycle(sources: ReadonlyMap<string, string>): string | undefined {
  const edges = new Map<string, string[]>();
  for (const [path, text] of sources) {
    const targets = importsOf(text)
      .filter((found) => !found.typeOnly)
      .map((found) => targetOf(path, found.specifier))
      .filter((target) => sources.has(target));
    edges.set(path, targets);
  }
  const done = new Set<string>();
  const trail: string[] = [];
  const visit = (path: string): string | undefined => {
    const open = trail.indexOf(path);
    if (open >= 0) return [...trail.slice(open), path].join(" -> ");
    if (done.has(path)) return undefined;
    trail.push(path);
    for (const target of edges.get(path) ?? []) {
      const cycle = visit(target);
      if (cycle !== undefined) return cycle;
    }
    trail.pop();
    done.add(path);
    return undefined;
  };
  for (const path of sources.keys()) {
    const cycle = visit(path);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

describe("layers", () => {
  it("has files in every layer", () => {
    for (const folder of Object.keys(SHARED_MAY_IMPORT)) {
      expect(files.some((path) => path.startsWith(`shared/${folder}`))).toBe(true);
    }
    expect(files.some((path) => path.startsWith("functions/"))).toBe(true);
    expect(files.some((path) => path.startsWith("infra/local/"))).toBe(true);
  });

  it.each([
    ["domain", DOMAIN_LAYERS],
    ["intake", INTAKE_LAYERS],
  ] as const)("places every folder of shared/%s in its layers", (name, layers) => {
    const folders = new Set(
      files.flatMap((path) => {
        const [, folder, second, third] = path.split("/");
        return folder === name && third !== undefined && second !== undefined ? [second] : [];
      }),
    );
    const named: readonly string[] = layers;
    expect([...folders].sort()).toEqual(
      named.filter((layer) => layer !== "root" && layer !== "entry").sort(),
    );
  });

  it.each(files)("%s imports nothing from a layer above it", (path) => {
    expect(violationsIn(path, readFileSync(join(ROOT, path), "utf8"))).toEqual([]);
  });

  it("has no cycle of run-time imports between files", () => {
    const sources = new Map(files.map((path) => [path, readFileSync(join(ROOT, path), "utf8")]));
    expect(runtimeImportCycle(sources)).toBeUndefined();
  });

  it("finds a run-time import cycle, and only a run-time one", () => {
    const cycle = new Map([
      ["shared/domain/planner/risks.ts", 'import { h1b } from "./h1b-risk.ts";'],
      ["shared/domain/planner/h1b-risk.ts", 'import { earliest } from "#domain/planner/risks.ts";'],
    ]);
    expect(runtimeImportCycle(cycle)).toBe(
      "shared/domain/planner/risks.ts -> shared/domain/planner/h1b-risk.ts -> shared/domain/planner/risks.ts",
    );
    const typesOnly = new Map([
      ["shared/intake/providers/list.ts", 'import { tally } from "./tally/tally.ts";'],
      ["shared/intake/providers/tally/tally.ts", 'import type { ProviderName } from "../list.ts";'],
    ]);
    expect(runtimeImportCycle(typesOnly)).toBeUndefined();
  });

  // The checks themselves: each kind of upward import is caught, however it is written.
  it.each([
    ["shared/intake/x.ts", 'import { systemClock } from "#adapters/clock.ts";'],
    ["shared/intake/x.ts", 'import { systemClock } from "../adapters/clock.ts";'],
    ["shared/intake/providers/x.ts", 'const clock = await import("../../adapters/clock.ts");'],
    ["shared/intake/x.ts", 'export { systemClock } from "#adapters/clock.ts";'],
    ["shared/intake/x.ts", 'import "#adapters/clock.ts";'],
    ["shared/intake/x.ts", "const m = await import(name);"],
    ["shared/domain/x.ts", 'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";'],
    ["shared/domain/x.ts", 'import type { Clock } from "#ports/clock.ts";'],
    ["shared/config/x.ts", 'import { awsClients } from "#adapters/aws-clients.ts";'],
    ["shared/pages/x.ts", 'import { previewAction } from "#usecases/step-actions.ts";'],
    ["shared/http/x.ts", 'import { handler } from "../../functions/http-api/app.ts";'],
    ["shared/adapters/x.ts", 'import { loadEnv } from "#config/env.ts";'],
    ["functions/console/x.ts", 'import { problem } from "../http-api/pages.ts";'],
    ["functions/reminder/x.ts", 'import { LOGICAL_IDS } from "../../infra/constructs/logical-ids.ts";'],
    ["infra/stacks/x.ts", 'import { createApp } from "../../functions/http-api/app.ts";'],
    ["infra/stacks/x.ts", 'import { startLocalStack } from "#local/stack.ts";'],
    ["infra/local/x.ts", 'import { fakeClock } from "#test/unit/support.ts";'],
    // Inside the domain: the catalog read the console's stages, the
    // planner a console rule, a root file of the vocabulary the planner.
    ["shared/domain/catalog/schema.ts", 'import { STEP_STAGES } from "../console/stage.ts";'],
    ["shared/domain/planner/x.ts", 'import { stageOf } from "#domain/console/stage.ts";'],
    ["shared/domain/x.ts", 'import { planFor } from "./planner.ts";'],
    ["shared/domain/seasons/x.ts", 'import { CATALOG } from "../catalog/index.ts";'],
    // Inside the intake: the mapping read the concrete list while each provider read the mapping;
    // answers know no provider.
    ["shared/intake/providers/x.ts", 'import { mapSubmission } from "#intake/mapping/mapper.ts";'],
    ["shared/intake/answers/x.ts", 'import type { FormProvider } from "#intake/providers/provider.ts";'],
    ["shared/intake/mapping/x.ts", 'import { receiveProviderForm } from "../receive.ts";'],
    // A comment beside a real computed import hides nothing.
    ["shared/intake/x.ts", "// a dynamic `import()` here\nconst m = await import(name);"],
  ])("catches %s: %s", (path, text) => {
    expect(violationsIn(path, text)).toHaveLength(1);
  });

  it.each([
    [
      "shared/config/x.ts",
      'import type { WakeUpSettings } from "#adapters/scheduler/wake-up-scheduler-for.ts";',
    ],
    ["shared/config/x.ts", 'import { type AwsClientSettings } from "#adapters/aws-clients.ts";'],
    ["shared/pages/x.ts", 'import type { ActionPreview } from "#usecases/step-actions.ts";'],
    ["shared/domain/x.ts", 'import { DateTime } from "luxon";'],
    ["shared/domain/console/x.ts", 'import { plan } from "../planner.ts";'],
    ["shared/domain/planner/x.ts", 'import { CATALOG } from "#domain/catalog/index.ts";'],
    ["shared/domain/applicant-choices.ts", 'import { CATALOG } from "./catalog/index.ts";'],
    ["shared/intake/mapping/x.ts", 'import { providerNamed } from "#intake/providers/list.ts";'],
    ["shared/intake/providers/jotform/x.ts", 'import { readDate } from "#intake/answers/instant.ts";'],
    ["functions/console/x.ts", 'import { problem } from "#http/problem.ts";'],
    ["infra/stacks/x.ts", 'import { HTTP_API_ROUTES } from "../../functions/http-api/route-keys.ts";'],
    ["infra/local/x.ts", 'import { createApp } from "../../functions/http-api/app.ts";'],
    ["shared/intake/providers/x.ts", 'const tally = await import(/* on first use */ "./tally/tally.ts");'],
    // Prose in comments that mentions import() is not an import.
    ["shared/intake/x.ts", "// Each `import()` call resolves the specifier again.\nexport const a = 1;"],
    ["infra/x.ts", "/**\n * each module behind a dynamic import(name)\n */\nexport const b = 2;"],
  ])("allows %s: %s", (path, text) => {
    expect(violationsIn(path, text)).toEqual([]);
  });
});
