import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { milestoneFactory } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * Two older refusals of a one-tap action, Done for a step of a
 * Match season that has passed and Done before the step's window opens, answered a POST with
 * "The action cannot be applied" and a lower-case fragment ("nothing to record yet: …") in the
 * problem+json and on the plain page. Like the newer refusals, each now
 * says in a sentence what happened and what to do; RFC 9457 still names the `action` field.
 */
const EARLY: MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2026-06-01"),
  milestoneFactory("ecfmg_application", "done", "2026-06-10"),
  milestoneFactory("usmle_step1", "done", "2026-09-20"),
];

/**
 * A season over: could have ranked for 2027, registered with NRMP, certified no list by its
 * deadline (SOAP still ahead; one who never registered moves to the next Match instead).
 */
const SEASON_OVER: MilestoneEntry[] = [
  ...EARLY,
  milestoneFactory("nrmp_registration", "done", "2026-10-01"),
  milestoneFactory("usmle_step2ck", "done", "2026-07-20"),
  milestoneFactory("oet_medicine", "done", "2026-08-01"),
  milestoneFactory("ecfmg_pathway", "in_progress", "2026-09-01"),
];

function setup(now: Date, matchYear: number, milestones: MilestoneEntry[]) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear, visa: "H-1B" }), { milestones });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, accept: string) => api(linkRequest(method, url, "", accept));
  return { store, links, call };
}

const cases = [
  {
    name: "Done before the step's window opens",
    now: new Date("2027-05-12T10:00:00Z"),
    matchYear: 2028,
    key: "nrmp_registration",
    milestones: EARLY,
    said: "NRMP registration for the 2028 Match opens on Wed 15 Sep 2027",
    todo: /Mark this step done once you have done it from then on: anything done before counts for an earlier Match, not the 2028 Match\. Nothing was changed/,
  },
  {
    name: "Done for a step of a Match season that has passed",
    now: new Date("2027-03-04T10:00:00Z"),
    matchYear: 2027,
    key: "personal_statement",
    milestones: SEASON_OVER,
    said: "This step belonged to the Match 2027 season, which has passed for you",
    todo: /Nothing was changed\. Your timeline(?:'|&#39;)s “Risks to watch” says how to plan for the 2028 Match/,
  },
] as const;

describe.each(cases)("$name: refused in words", ({ now, matchYear, milestones, key, said, todo }) => {
  it("problem+json: a sentence that says what happened and what to do, naming the field", async () => {
    const { store, links, call } = setup(now, matchYear, milestones);
    const before = (await store.loadApplicant("a_ada"))?.milestones;
    const response = await call("POST", links.action(key, "done"), "application/problem+json");
    expect(response.statusCode).toBe(400);
    const problem = JSON.parse(response.body ?? "{}");
    expect(problem.detail).not.toContain("cannot be applied");
    expect(problem.detail).toContain(said);
    expect(problem.detail).toMatch(todo);
    expect(problem.detail).toMatch(/^[A-Z]/);
    expect(problem.errors).toEqual([{ path: "action", message: expect.stringMatching(/^[A-Z]/) }]);
    expect((await store.loadApplicant("a_ada"))?.milestones).toEqual(before);
  });

  it("the plain page says the same sentence, capitalised", async () => {
    const { links, call } = setup(now, matchYear, milestones);
    const response = await call("POST", links.action(key, "done"), "text/html");
    expect(response.body).not.toMatch(/<h1>Recorded/);
    expect(response.body).toContain(said);
    expect(response.body).toMatch(todo);
    expect(response.body).not.toMatch(/nothing to record(: | yet:)/);
  });
});
