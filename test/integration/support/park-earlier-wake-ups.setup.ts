import { beforeAll } from "vitest";
import { parkEarlierWakeUps } from "./earlier-wake-ups.ts";

// A setup file (vitest.config.ts), not a hook in a shared module: setup files run before every test
// file even where the project shares one module graph (isolate: false), so each integration and
// browser file fires only the wake-ups it arms itself (earlier-wake-ups.ts says why).
beforeAll(async () => {
  await parkEarlierWakeUps();
});
