import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { TransientError } from "#errors";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryWakeUps,
  profileFactory,
  reminderFactory,
  storePorts,
} from "#test/unit/usecases/fakes.ts";
import { createPlanBatch } from "../../../functions/planner/plan-batch.ts";
import { foreignStreamEvent, streamEvent } from "./events.ts";

/** The log lines a batch wrote, by level: a fake Logger (the handler takes its info, warn and error). */
function recordingLogger() {
  const lines: { level: "info" | "warn" | "error"; message: string; details?: unknown }[] = [];
  const at =
    (level: "info" | "warn" | "error") =>
    (message: string, details?: unknown): void => {
      lines.push({ level, message, details });
    };
  return { lines, logger: { info: at("info"), warn: at("warn"), error: at("error") } };
}

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  store.add(profileFactory({ applicantId: "a_bo", externalId: "bo", email: "bo@example.com" }));
  const deps = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date("2026-09-01T00:00:00Z")),
    planning: new FakePlanning({ eras_application: [reminderFactory()] }),
  };
  return { ...deps, planBatch: createPlanBatch(deps, new Logger({ logLevel: "SILENT" })) };
}

const profile = (id: string) => ({ pk: `APPLICANT#${id}`, sk: "PROFILE" });
const milestone = (id: string, key: string) => ({ pk: `APPLICANT#${id}`, sk: `MILESTONE#${key}` });

describe("planner handler", () => {
  it("plans an applicant touched several times in one batch once", async () => {
    const deps = setup();
    const event = streamEvent([
      profile("a_ada"),
      milestone("a_ada", "usmle_step1"),
      milestone("a_ada", "lors"),
    ]);
    await expect(deps.planBatch(event)).resolves.toEqual({ batchItemFailures: [] });
    expect(deps.store.calls.loadApplicant).toBe(1);
    expect(deps.wakeUps.log).toEqual(["arm a_ada 2026-09-17T08:00:00.000Z"]);
  });

  it("reports poisoned records and still plans the rest of the batch", async () => {
    const deps = setup();
    const event = streamEvent([
      profile("a_ada"),
      undefined,
      { pk: "SUBMISSION#webhook#x", sk: "SUBMISSION" },
      profile("a_bo"),
    ]);
    const response = await deps.planBatch(event);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "1001" }, { itemIdentifier: "1002" }]);
    expect(deps.store.calls.loadApplicant).toBe(2);
  });

  it("reports a published stream event whose keys name no applicant, record by record", async () => {
    const response = await setup().planBatch(foreignStreamEvent());
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "111" }, { itemIdentifier: "222" }]);
  });

  it("reports every record of an applicant whose planning failed, and only those", async () => {
    const deps = setup();
    deps.store.failNext.loadApplicant = new TransientError("throttled");
    const event = streamEvent([profile("a_ada"), profile("a_bo"), milestone("a_ada", "lors")]);
    const response = await deps.planBatch(event);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "1000" }, { itemIdentifier: "1002" }]);
    expect(deps.wakeUps.pending.has("a_bo")).toBe(true);
  });

  it("starts no applicant with less than the reserve left, and reports those records for the retry", async () => {
    // A stopped store fails each applicant only after its request's full wait: ten of them in turn
    // outlasted the function's timeout, and the batch's answer never came.
    const deps = setup();
    const left = [20_000, 14_000];
    const event = streamEvent([profile("a_ada"), profile("a_bo"), milestone("a_bo", "lors")]);
    const response = await deps.planBatch(event, { timeLeftMs: () => left.shift() ?? 0, reserveMs: 15_000 });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "1001" }, { itemIdentifier: "1002" }]);
    expect(deps.store.calls.loadApplicant).toBe(1);
    expect(deps.wakeUps.pending.has("a_bo")).toBe(false);
  });

  it("logs the applicants the reserve left unstarted as one warning, not as planning failures", async () => {
    // Nothing failed for them: an error line per applicant read as an outage and would page for a
    // planned skip.
    const deps = setup();
    const { lines, logger } = recordingLogger();
    const planBatch = createPlanBatch(deps, logger as Parameters<typeof createPlanBatch>[1]);
    const event = streamEvent([profile("a_ada"), profile("a_bo")]);
    const left = [20_000, 14_000];
    await planBatch(event, { timeLeftMs: () => left.shift() ?? 0, reserveMs: 15_000 });
    expect(lines.filter((line) => line.level !== "info")).toEqual([
      {
        level: "warn",
        message: "not started: too little of the invocation left; their records go back for the retry",
        details: { applicantIds: ["a_bo"] },
      },
    ]);
  });

  it("starts no applicant with exactly its reserve left, as the sweeper starts none", async () => {
    const deps = setup();
    const response = await deps.planBatch(streamEvent([profile("a_ada")]), {
      timeLeftMs: () => 15_000,
      reserveMs: 15_000,
    });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: "1000" }]);
    expect(deps.store.calls.loadApplicant ?? 0).toBe(0);
  });

  it("answers an empty batch with no failures", async () => {
    await expect(setup().planBatch({ Records: [] })).resolves.toEqual({ batchItemFailures: [] });
  });
});
