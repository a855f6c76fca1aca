import { connect } from "node:net";
import { describe, expect, inject, it } from "vitest";

/**
 * The local HTTP server refuses a body over API Gateway's 10 MB limit with 413 and then closes the
 * keep-alive connection in order: the client reads the whole answer and sees end-of-stream (FIN),
 * never a reset.
 */
const LIMIT = 10 * 1024 * 1024;

describe("the local HTTP server after a 413", () => {
  it("answers 413 with Connection: close and closes the connection without a reset", async () => {
    const { hostname, port } = new URL(inject("apiUrl"));
    const bodySize = LIMIT + 1024 * 1024;
    const socket = connect({ host: hostname, port: Number(port) });
    let received = "";
    let resetError: Error | undefined;
    socket.on("data", (data: Buffer) => {
      received += data.toString("latin1");
    });
    socket.on("error", (error) => {
      resetError = error;
    });
    const closed = new Promise<boolean>((resolve) => socket.once("close", (hadError) => resolve(hadError)));
    const ended = new Promise<void>((resolve) => socket.once("end", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));

    socket.write(
      `POST /intake/webhook HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${bodySize}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let sent = 0; sent < bodySize; sent += chunk.length) {
      const part = chunk.subarray(0, Math.min(chunk.length, bodySize - sent));
      if (!socket.write(part)) await new Promise((resolve) => socket.once("drain", resolve));
    }

    await ended;
    const hadError = await closed;
    expect(resetError).toBeUndefined();
    expect(hadError).toBe(false);
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain("connection: close");
    expect(received).toContain("Request Entity Too Large");
  });
});
