// One Lambda execution environment: a worker thread whose process.env is the function's
// environment, which imports the function's bundle once (the cold start) and runs one invocation
// at a time. The clock can be moved forward (the chain spans days): Date is replaced by one shifted
// by the offset each invocation carries, so the bundle's `new Date()` reads the simulated time.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

const RealDate = Date;
let offsetMs = 0;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offsetMs;
  }
}
globalThis.Date = ShiftedDate;

const { codeDir, handler, functionName, functionArn, memoryLimitInMB, timeoutMs } = workerData;
const [file, exported] = handler.split(".");
const initStarted = performance.now();
const module = await import(pathToFileURL(join(codeDir, `${file}.mjs`)).href);
const initMs = performance.now() - initStarted;
const entry = module[exported];

parentPort.on("message", async ({ id, event, offset }) => {
  offsetMs = offset;
  const deadline = RealDate.now() + timeoutMs;
  const context = {
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: functionArn,
    memoryLimitInMB: String(memoryLimitInMB),
    awsRequestId: `req-${id}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "deploy-test",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - RealDate.now()),
  };
  try {
    const result = await entry(event, context);
    parentPort.postMessage({ id, ok: true, result, initMs });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      error: { name: error?.name ?? "Error", message: error?.message ?? String(error) },
      initMs,
    });
  }
});
parentPort.postMessage({ ready: true, initMs });
