import { Worker } from "node:worker_threads";
import type { DeployedFunction } from "./template.ts";

/**
 * Runs a synthesized bundle as Lambda runs it: its own execution environment (a worker thread, so
 * module state and process.env are its own), the environment variables from the template plus the
 * ones Lambda's runtime sets (region, the role's credentials, function name and memory), the
 * handler the template names, and one invocation at a time. `/var/task` in the environment is the
 * bundle directory, which is where Lambda unpacks the code.
 */

export interface InvocationError {
  name: string;
  message: string;
}

export type Invocation = { ok: true; result: unknown } | { ok: false; error: InvocationError };

export class LambdaRuntime {
  private worker?: Worker;
  private ready?: Promise<void>;
  private sequence = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<number, (invocation: Invocation) => void>();
  /** Milliseconds the bundle's module took to load and initialize (the cold start's init). */
  initMs = 0;
  /** What the function wrote to stdout and stderr (CloudWatch Logs in the cloud), line by line. */
  readonly logs: string[] = [];

  constructor(
    readonly fn: DeployedFunction,
    private readonly runtimeEnv: Record<string, string>,
    private readonly clockOffset: () => number,
  ) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const environment = Object.fromEntries(
      Object.entries(this.fn.environment).map(([key, value]) => [
        key,
        value.replaceAll("/var/task", this.fn.codeDir),
      ]),
    );
    this.worker = new Worker(new URL("./lambda-worker.mjs", import.meta.url), {
      env: {
        ...environment,
        ...this.runtimeEnv,
        AWS_LAMBDA_FUNCTION_NAME: this.fn.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(this.fn.memorySize),
        AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
        LAMBDA_TASK_ROOT: this.fn.codeDir,
      },
      workerData: {
        codeDir: this.fn.codeDir,
        handler: this.fn.handler,
        functionName: this.fn.name,
        functionArn: this.fn.arn,
        memoryLimitInMB: this.fn.memorySize,
        timeoutMs: this.fn.timeoutSeconds * 1000,
      },
      stdout: true,
      stderr: true,
    });
    for (const stream of [this.worker.stdout, this.worker.stderr]) {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (rest + chunk).split("\n");
        rest = lines.pop() ?? "";
        this.logs.push(...lines.filter((line) => line.trim() !== ""));
      });
    }
    this.ready = new Promise((resolve, reject) => {
      this.worker?.once("error", reject);
      this.worker?.on("message", (message: { ready?: boolean; id?: number; initMs: number } & Invocation) => {
        this.initMs = message.initMs;
        if (message.ready) return resolve();
        const settle = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!settle || message.id === undefined) return;
        this.pending.delete(message.id);
        settle(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
      });
    });
    return this.ready;
  }

  /** One invocation, after the ones before it (Lambda runs one event per environment at a time). */
  invoke(event: unknown): Promise<Invocation> {
    const run = this.queue.then(async () => {
      await this.start();
      const id = ++this.sequence;
      return new Promise<Invocation>((resolve) => {
        this.pending.set(id, resolve);
        this.worker?.postMessage({ id, event, offset: this.clockOffset() });
      });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
  }
}
