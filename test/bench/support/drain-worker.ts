import { parentPort, workerData } from "node:worker_threads";
import { type DrainOptions, runDrain } from "./drain-run.ts";

/** One setting of the drain bench on its own thread (the machine has 2 cores). */
const report = await runDrain(workerData as DrainOptions, (step) =>
  parentPort?.postMessage({ kind: "progress", step }),
);
parentPort?.postMessage({ kind: "done", report });
