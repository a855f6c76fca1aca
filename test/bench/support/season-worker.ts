import { parentPort, workerData } from "node:worker_threads";
import { type MemorySeasonOptions, runMemorySeason } from "./memory-season.ts";

/** One share of the in-memory season on its own thread (the machine has 2 cores). */
const options = workerData as Omit<MemorySeasonOptions, "onProgress">;
const part = await runMemorySeason({
  ...options,
  onProgress: (done, simulatedAt) => parentPort?.postMessage({ kind: "progress", done, simulatedAt }),
});
parentPort?.postMessage({ kind: "done", part }, [part.timeline.buffer as ArrayBuffer]);
