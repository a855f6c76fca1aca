import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { FUNCTION_NODE_MAJOR } from "../../infra/constructs/function-bundling.ts";
import { ROOT } from "./bundles-build.ts";

/**
 * The Node.js the planner bench's children run: Lambda's (the functions' `nodejs24.x` runtime,
 * FUNCTION_NODE_MAJOR), so that "the planner as deployed" is measured on the runtime it is deployed
 * to, not on whatever Node.js runs the bench. The same bundle ran about 18 % less CPU a plan on
 * Node.js 24 than on this machine's 20 (test/bench/planner.ts's notes).
 *
 * Lambda's runtime takes the 24 line's patch releases itself; LAMBDA_NODE_VERSION is a release of that
 * line, pinned so two runs measure one binary (bump it with the line). Node.js's own release binaries
 * are published on the npm registry as `node-<platform>-<arch>` (the `node` package's per-platform
 * binaries), the one network this project's machines may reach: `npm pack` fetches the tarball once
 * (about 50 MB, its integrity checked by npm against the registry) into node_modules/.cache, which
 * `npm ci` clears with the rest. Lambda runs the functions on arm64; the bench runs this machine's
 * architecture of the same release.
 */
export const LAMBDA_NODE_VERSION = "24.22.3";

/** Where a bench run's child Node.js came from, for its progress line and the figures' notes. */
export interface BenchNode {
  /** The executable's path. */
  path: string;
  /** Its `process.version`, e.g. "v24.22.3". */
  version: string;
  /** True when it is of Lambda's major version (FUNCTION_NODE_MAJOR). */
  lambdaMajor: boolean;
  /** How it was found, in words ("this machine's node", "fetched from the npm registry as …", …). */
  origin: string;
}

/** The npm package holding Node.js's release binary for `platform`/`arch`, or undefined where none is packed. */
export function nodePackageName(platform: string, arch: string): string | undefined {
  const platforms: Record<string, string> = { linux: "linux", darwin: "darwin" };
  const archs: Record<string, string> = { x64: "x64", arm64: "arm64" };
  const packedPlatform = platforms[platform];
  const packedArch = archs[arch];
  return packedPlatform && packedArch ? `node-${packedPlatform}-${packedArch}` : undefined;
}

/** The major version of a `process.version` string ("v24.22.3" -> 24), NaN when it is not one. */
export function majorOf(version: string): number {
  const match = /^v?(\d+)\./.exec(version.trim());
  return match?.[1] === undefined ? Number.NaN : Number(match[1]);
}

/**
 * Finds the bench's child Node.js: `MATCHPATH_BENCH_NODE` (a path) in `env` when set; this process's node
 * when it is already Lambda's major; else LAMBDA_NODE_VERSION from the cache, fetched first when
 * missing. When nothing of Lambda's major can be had (no package for this platform, no registry), it
 * returns this machine's node with the reason in `origin`, and the figures say so. Throws only when
 * MATCHPATH_BENCH_NODE names an executable that does not run.
 * `progress` hears about a fetch before it starts.
 */
export function benchNode(
  progress: (line: string) => void = () => undefined,
  env: NodeJS.ProcessEnv = process.env,
): BenchNode {
  const own = (origin: string): BenchNode => ({
    path: process.execPath,
    version: process.version,
    lambdaMajor: majorOf(process.version) === FUNCTION_NODE_MAJOR,
    origin,
  });
  const chosen = env.MATCHPATH_BENCH_NODE;
  if (chosen) {
    let version: string;
    try {
      version = versionOf(chosen);
    } catch (error) {
      // Asked for by name, so a silent fall-back would measure what was not asked for.
      throw new Error(`MATCHPATH_BENCH_NODE=${chosen} does not run: ${firstLine(error)}`);
    }
    return {
      path: chosen,
      version,
      lambdaMajor: majorOf(version) === FUNCTION_NODE_MAJOR,
      origin: `MATCHPATH_BENCH_NODE (${chosen})`,
    };
  }
  if (majorOf(process.version) === FUNCTION_NODE_MAJOR) return own("this machine's node");
  const name = nodePackageName(process.platform, process.arch);
  if (name === undefined) {
    return own(
      `this machine's node: no Node.js ${FUNCTION_NODE_MAJOR} package for ${process.platform}-${process.arch}`,
    );
  }
  const dir = join(ROOT, "node_modules", ".cache", "matchpath-bench", `${name}-${LAMBDA_NODE_VERSION}`);
  const path = join(dir, "package", "bin", "node");
  try {
    if (!existsSync(path)) {
      const failed = recentFailure(dir);
      if (failed !== undefined) return own(`this machine's node: ${failed}`);
      progress(
        `fetching Node.js ${LAMBDA_NODE_VERSION} (Lambda's major) from the npm registry as ${name}, about 50 MB, once`,
      );
      try {
        fetchInto(`${name}@${LAMBDA_NODE_VERSION}`, dir);
      } catch (error) {
        writeFileSync(`${dir}.failed`, firstLine(error));
        throw error;
      }
    }
    const version = versionOf(path);
    return {
      path,
      version,
      lambdaMajor: majorOf(version) === FUNCTION_NODE_MAJOR,
      origin: `${name}@${LAMBDA_NODE_VERSION} from the npm registry`,
    };
  } catch (error) {
    return own(
      `this machine's node: Node.js ${LAMBDA_NODE_VERSION} could not be fetched (${firstLine(error)})`,
    );
  }
}

/** How long a failed fetch is remembered, so that a machine without the registry does not wait on every run. */
const FAILED_FETCH_KEPT_MS = 24 * 60 * 60 * 1000;

/** The last fetch's failure, in words naming the file to delete to retry, if it is less than a day old. */
function recentFailure(dir: string): string | undefined {
  const marker = `${dir}.failed`;
  if (!existsSync(marker)) return undefined;
  const at = statSync(marker).mtimeMs;
  if (Date.now() - at > FAILED_FETCH_KEPT_MS) return undefined;
  const reason = readFileSync(marker, "utf8").trim();
  return `Node.js ${LAMBDA_NODE_VERSION} could not be fetched at ${new Date(at).toISOString()} (${reason}); delete ${marker} to try again`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

function versionOf(node: string): string {
  return execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
}

/** `npm pack <spec>` into a scratch folder beside `dir`, unpacked, then moved to `dir` whole. */
function fetchInto(spec: string, dir: string): void {
  const parent = join(dir, "..");
  mkdirSync(parent, { recursive: true });
  const scratch = mkdtempSync(join(parent, ".fetch-"));
  try {
    // Under `npm run`, npm_execpath is the npm that runs us; otherwise the npm on PATH.
    const npmCli = process.env.npm_execpath;
    const [command, args] = npmCli?.endsWith(".js") ? [process.execPath, [npmCli]] : ["npm", [] as string[]];
    const tarball = execFileSync(
      command,
      // No retries and a bounded wait: without the registry the bench goes on with the machine's node.
      [
        ...args,
        "pack",
        spec,
        "--silent",
        "--fetch-retries=0",
        "--fetch-timeout=30000",
        "--pack-destination",
        scratch,
      ],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 300_000,
      },
    )
      .trim()
      .split("\n")
      .at(-1);
    if (!tarball) throw new Error(`npm pack ${spec} named no tarball`);
    execFileSync("tar", ["-xzf", join(scratch, tarball), "-C", scratch], { stdio: "ignore" });
    rmSync(join(scratch, tarball));
    // A folder left without its binary (an interrupted copy) would make the rename fail.
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
