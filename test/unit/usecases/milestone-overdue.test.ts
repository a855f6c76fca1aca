import { describe, expect, it } from "vitest";
import { newlyOverdue, overdueSubjects } from "#domain/reminder-policy.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryWakeUps,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * MilestoneOverdue (DESIGN decision 8) with the real planner: published for what became overdue
 * since the stored plan, once per milestone, never again while it stays overdue.
 */
function setup(now: string) {
  const store = new InMemoryApplicantStore();
  // The exam chain is done, so the 2027 Match is still reachable (with nothing done it is out of reach
  // and the plan moves to 2028, issue #9); by December 2026 several season deadlines have passed.
  const done = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
  ];
  store.add(profileFactory(), {
    milestones: done.map((key) => ({ key, status: "done", date: "2026-06-01" })) as never,
  });
  return {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date(now)),
    planning: domainPlanning,
  };
}

const overdueEvents = (deps: ReturnType<typeof setup>) =>
  deps.events.published.filter((event) => event.type === "MilestoneOverdue");

describe("MilestoneOverdue", () => {
  it("is published for every overdue milestone of a first plan and stored with it", async () => {
    const deps = setup("2026-12-15T12:00:00Z");
    await planApplicants(["a_ada"], deps);

    const plan = domainPlanning.plan(deps.store.state("a_ada"), deps.clock.now());
    const expected = overdueSubjects(plan);
    // Exams done but no ERAS token by December 2026: its deadline has passed. The ERAS application
    // waits on it, so the token is overdue, not the application (a blocked step is
    // never overdue). The early NRMP deadline has passed too, but late registration stays open until
    // the rank order list deadline, so NRMP registration is due by it, not overdue.
    expect(expected).toEqual(expect.arrayContaining(["eras_token"]));
    expect(expected).not.toContain("eras_application");
    expect(expected).not.toContain("nrmp_registration");
    expect(overdueEvents(deps)).toEqual([
      expect.objectContaining({ applicantId: "a_ada", detail: { milestones: expected } }),
    ]);
    expect(deps.store.state("a_ada").storedPlan?.overdue).toEqual(expected);
  });

  it("is not published again while the same milestones stay overdue", async () => {
    const deps = setup("2026-12-15T12:00:00Z");
    await planApplicants(["a_ada"], deps);
    deps.clock.set(new Date("2026-12-16T12:00:00Z"));
    await planApplicants(["a_ada"], deps);
    expect(overdueEvents(deps)).toHaveLength(1);
  });

  it("names only what became overdue since the stored plan", () => {
    const deps = setup("2026-12-15T12:00:00Z");
    const plan = domainPlanning.plan(deps.store.state("a_ada"), deps.clock.now());
    const [first, ...rest] = overdueSubjects(plan);
    expect(newlyOverdue(plan, rest)).toEqual([first]);
    expect(newlyOverdue(plan, overdueSubjects(plan))).toEqual([]);
    expect(newlyOverdue(plan, undefined)).toEqual(overdueSubjects(plan));
  });
});
