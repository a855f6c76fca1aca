import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, inject, it } from "vitest";
import { startDynamoDbLocal } from "#local/dynamodb-local.ts";

/**
 * The DynamoDB Local process the local stack runs: on 127.0.0.1 only, gone when its parent is gone
 * however the parent died, and never confused with a stranger already holding its port.
 */

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/** The local addresses listening on a TCP port, as `ss` reports them (e.g. "127.0.0.1:8000"). */
function listeningAddresses(port: number): string[] {
  const ss = spawnSync("ss", ["-ltnH", `sport = :${port}`], { encoding: "utf8" });
  return (ss.stdout ?? "")
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[3])
    .filter((address): address is string => address !== undefined && address !== "");
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("DynamoDB Local, the process", () => {
  it("listens on 127.0.0.1 only", async () => {
    // The one the global setup started for the suite with startDynamoDbLocal, as `npm start` does:
    // a JVM of its own here cost a start (seconds of CPU) to look at the same launcher.
    const port = Number(new URL(inject("dynamodbEndpoint")).port);
    expect(port).toBeGreaterThan(0);
    const addresses = listeningAddresses(port);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/^(\[::ffff:)?127\.0\.0\.1\]?:\d+$/);
  });

  it("dies with its parent, even when the parent is killed with SIGKILL", async () => {
    const parent = spawn(
      process.execPath,
      ["--import", "tsx", new URL("./support/dynamodb-local-child.ts", import.meta.url).pathname],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    cleanups.push(() => {
      if (parent.exitCode === null) parent.kill("SIGKILL");
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: parent.stdout }).once("line", resolve);
      parent.once("exit", (code) =>
        reject(new Error(`the parent exited (${code}) before DynamoDB Local started`)),
      );
    });
    const { pid } = JSON.parse(line) as { pid: number; port: number };
    cleanups.push(() => {
      if (alive(pid)) process.kill(pid, "SIGKILL");
    });
    expect(alive(pid)).toBe(true);

    parent.kill("SIGKILL");

    expect(await waitUntil(() => !alive(pid), 10_000)).toBe(true);
  });

  it("refuses to start on a port a stranger holds, saying how to stop it", async () => {
    const stranger: Server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => stranger.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => stranger.close(() => resolve())));
    const address = stranger.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;

    const started = startDynamoDbLocal({ port });

    await expect(started).rejects.toThrow(new RegExp(`Port ${port} is already in use by pid ${process.pid}`));
    await expect(started).rejects.toThrow(new RegExp(`kill ${process.pid}`));
  });
});
