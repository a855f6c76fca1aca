import { describe, expect, it } from "vitest";
import { TransientError } from "#errors";
import { planApplicants } from "#usecases/plan-applicants.ts";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryWakeUps,
  profileFactory,
  reminderFactory,
  storePorts,
} from "./fakes.ts";

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  const planning = new FakePlanning({
    eras_application: [reminderFactory()],
    nrmp_registration: [
      reminderFactory({
        id: "nrmp_registration:start",
        milestone: "nrmp_registration",
        title: "Register for the NRMP Match",
        deadline: "2027-01-30T04:59:00.000Z",
        sendAt: "2026-09-20T08:00:00.000Z",
      }),
    ],
  });
  const deps = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date("2026-09-01T00:00:00Z")),
    planning,
  };
  return deps;
}

describe("planApplicants", () => {
  it("stores a first plan, arms the earliest reminder and publishes PlanChanged", async () => {
    const deps = setup();
    const [result] = await planApplicants(["a_ada"], deps);
    expect(result).toMatchObject({ ok: true, outcome: "planned", wakeUpAt: "2026-09-17T08:00:00.000Z" });
    expect(deps.wakeUps.log).toEqual(["arm a_ada 2026-09-17T08:00:00.000Z"]);
    expect(deps.events.published).toEqual([
      expect.objectContaining({
        type: "PlanChanged",
        applicantId: "a_ada",
        detail: expect.objectContaining({ nextDueAt: "2026-09-17T08:00:00.000Z" }),
      }),
    ]);
    expect(deps.store.state("a_ada").storedPlan).toMatchObject({ wakeUpAt: "2026-09-17T08:00:00.000Z" });
    // The console's copy of each event is written with the plan, not in a request of its own.
    expect(deps.store.copiedEvents).toEqual(deps.events.published);
  });

  it("costs no Scheduler call, no event and no write when nothing changed", async () => {
    const deps = setup();
    await planApplicants(["a_ada"], deps);
    deps.clock.set("2026-09-02T00:00:00Z");
    const [again] = await planApplicants(["a_ada"], deps);
    expect(again).toMatchObject({ ok: true, outcome: "unchanged" });
    expect(deps.wakeUps.log).toHaveLength(1);
    expect(deps.events.published).toHaveLength(1);
    expect(deps.store.calls.savePlan).toBe(1);
  });

  it("re-arms when a finished milestone moves the next wake-up, and disarms when none is left", async () => {
    const deps = setup();
    await planApplicants(["a_ada"], deps);
    deps.store.state("a_ada").milestones = [{ key: "eras_application", status: "done", date: "2026-09-10" }];
    await planApplicants(["a_ada"], deps);
    expect(deps.wakeUps.log.at(-1)).toBe("arm a_ada 2026-09-20T08:00:00.000Z");
    deps.store
      .state("a_ada")
      .milestones.push({ key: "nrmp_registration", status: "done", date: "2026-09-11" });
    const [last] = await planApplicants(["a_ada"], deps);
    expect(deps.wakeUps.log.at(-1)).toBe("disarm a_ada");
    expect(last).toMatchObject({ outcome: "planned" });
    expect(deps.store.state("a_ada").storedPlan?.wakeUpAt).toBeUndefined();
  });

  it("publishes and saves, without a Scheduler call, when the plan changes but the wake-up does not", async () => {
    const deps = setup();
    await planApplicants(["a_ada"], deps);
    deps.planning.remindersByMilestone.usmle_step3 = [
      reminderFactory({
        id: "usmle_step3:start",
        milestone: "usmle_step3",
        sendAt: "2026-12-01T08:00:00.000Z",
        deadline: "2027-02-01T00:00:00.000Z",
      }),
    ];
    await planApplicants(["a_ada"], deps);
    expect(deps.wakeUps.log).toHaveLength(1);
    expect(deps.events.published).toHaveLength(2);
    expect(deps.store.calls.savePlan).toBe(2);
  });

  it("plans an applicant named several times once", async () => {
    const deps = setup();
    const results = await planApplicants(["a_ada", "a_ada", "a_ada"], deps);
    expect(results).toHaveLength(1);
    expect(deps.store.calls.loadApplicant).toBe(1);
  });

  it("reports one applicant's failure and still plans the others", async () => {
    const deps = setup();
    deps.store.add(profileFactory({ applicantId: "a_bo", externalId: "bo", email: "bo@example.com" }));
    deps.store.failNext.loadApplicant = new TransientError("throttled");
    const results = await planApplicants(["a_ada", "a_bo"], deps);
    expect(results[0]).toMatchObject({ applicantId: "a_ada", ok: false, error: expect.any(TransientError) });
    expect(results[1]).toMatchObject({ applicantId: "a_bo", ok: true, outcome: "planned" });
  });

  it("arms before saving, so a failed save is redone by the retry", async () => {
    const deps = setup();
    deps.store.failNext.savePlan = new TransientError("throttled");
    const [failed] = await planApplicants(["a_ada"], deps);
    expect(failed?.ok).toBe(false);
    const [retried] = await planApplicants(["a_ada"], deps);
    expect(retried).toMatchObject({ ok: true, outcome: "planned" });
    expect(deps.wakeUps.pending.get("a_ada")?.toISOString()).toBe("2026-09-17T08:00:00.000Z");
  });

  it("disarms an applicant that no longer exists", async () => {
    const deps = setup();
    const [result] = await planApplicants(["a_gone"], deps);
    expect(result).toMatchObject({ ok: true, outcome: "unknown" });
    expect(deps.wakeUps.log).toEqual(["disarm a_gone"]);
  });
});

describe("planApplicants with a reminder already due", () => {
  it("arms at the due reminder's own sendAt, and a re-plan at a later now costs no Scheduler call", async () => {
    const deps = setup();
    deps.clock.set("2026-09-18T00:00:00Z");
    const [first] = await planApplicants(["a_ada"], deps);
    expect(first).toMatchObject({ wakeUpAt: "2026-09-17T08:00:00.000Z" });
    deps.clock.set("2026-09-18T00:05:00Z");
    const [second] = await planApplicants(["a_ada"], deps);
    expect(second).toMatchObject({ outcome: "unchanged" });
    expect(deps.wakeUps.log).toEqual(["arm a_ada 2026-09-17T08:00:00.000Z"]);
  });
});
