import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";
import { MATCHED_2027 } from "./matched-2027.ts";

/**
 * The H-1B petition's only button was Done, whose page asked "Mark … as done?" and, once tapped,
 * answered "You told us USCIS approved your H-1B petition", while the plan's notices asked to be
 * told the day the program filed it. An applicant whose program had just filed tapped Done, and
 * the plan dropped USCIS's wait and the premium processing check. The step now offers "Filed on…"
 * (the petition in progress with its day, which the plan reads as the filing) beside Done, whose
 * page asks whether USCIS has approved it.
 * Lagos, H-1B, matched 19 Mar 2027, contract signed 6 Apr, petition not reported, on 24 Apr.
 */
const now = new Date("2027-04-24T07:00:00Z");

const MATCHED_H1B: MilestoneEntry[] = [
  ...MATCHED_2027,
  { key: "usmle_step3", status: "done", date: "2027-01-10", score: 225 },
  { key: "contract", status: "done", date: "2027-04-06" },
];

function setup(petition: MilestoneEntry[] = []) {
  const store = new InMemoryApplicantStore();
  const profile = profileFactory({ visa: "H-1B", graduation: "2025-06-30" });
  store.add(profile, { milestones: [...MATCHED_H1B, ...petition] });
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const call = (method: string, url: string, body?: string) =>
    api(linkRequest(method, url, body, "text/html"));
  const planOf = async () => {
    const state = await store.loadApplicant("a_ada");
    if (!state) throw new Error("no applicant");
    return { plan: domainPlanning.plan(state, now), state };
  };
  return { store, links, call, planOf, profile };
}

describe("the H-1B petition: Filed on… beside Done, and Done said as USCIS's approval", () => {
  it("the step offers Filed on… first, then Done; once filed, Done (the approval) alone", async () => {
    const before = await setup().planOf();
    expect(
      actionsFor({ milestone: "visa_h1b" }, before.plan, "Africa/Lagos", before.state.milestones),
    ).toEqual(expect.arrayContaining(["start", "done"]));
    expect(
      actionsFor({ milestone: "visa_h1b" }, before.plan, "Africa/Lagos", before.state.milestones)[0],
    ).toBe("start");
    const filed = await setup([{ key: "visa_h1b", status: "in_progress", date: "2027-04-22" }]).planOf();
    const offered = actionsFor({ milestone: "visa_h1b" }, filed.plan, "Africa/Lagos", filed.state.milestones);
    expect(offered).toContain("done");
    expect(offered).not.toContain("start");
  });

  it("the petition's email carries both answers, each in what it records", async () => {
    const { planOf, links } = setup();
    const { plan, state } = await planOf();
    const reminders = plan.reminders.filter((each) => each.milestone === "visa_h1b").slice(0, 1);
    expect(reminders).toHaveLength(1);
    const email = renderReminderEmail({
      recipientName: "Ada Okafor",
      reminders,
      plan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      milestones: state.milestones,
    });
    expect(email.html).toContain(">Filed on…");
    expect(email.html).toContain(">USCIS approved it");
    expect(email.text).not.toMatch(/^\s*Done[^:\n]*: https:\/\/api\.example\.org\/actions\?/m);
  });

  it("Done's page asks whether USCIS approved it, and points a filed petition to Filed on…", async () => {
    const { links, call } = setup();
    const page = await call("GET", links.action("visa_h1b", "done"));
    expect(page.body).toContain("<h1>Has USCIS approved your H-1B petition?</h1>");
    expect(page.body).toContain("If your program has only filed it, go back and use Filed on… instead");
    expect(page.body).toContain("Yes, USCIS approved it");
    expect(page.body).not.toContain("Mark “H-1B petition with your program” as done?");
  });

  it("Filed on… asks the day, records the petition in progress on it, and says so", async () => {
    const { links, call, store } = setup();
    const url = links.action("visa_h1b", "start");
    const page = await call("GET", url);
    expect(page.body).toContain("<h1>On which day did your program file your H-1B petition with USCIS?</h1>");
    expect(page.body).toContain('type="date" required max="2027-04-24"');
    const response = await call("POST", url, "date=2027-04-22");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect(response.body).toContain("You told us your program filed your H-1B petition on Thu 22 Apr 2027.");
    expect(
      (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "visa_h1b"),
    ).toEqual({ key: "visa_h1b", status: "in_progress", date: "2027-04-22" });
    const again = await call("GET", url);
    expect(again.body).toContain(
      "This is already recorded: you told us your program filed your H-1B petition on Thu 22 Apr 2027.",
    );
  });

  it("Filed on… refuses a day ahead and a day before Match Day, and records nothing", async () => {
    const { links, call, store } = setup();
    for (const [date, words] of [
      ["2027-04-26", "must be today or earlier"],
      ["2026-04-22", "must be no earlier than Match Day, Fri 19 Mar 2027"],
    ] as const) {
      const response = await call("POST", links.action("visa_h1b", "start"), `date=${date}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(words);
    }
    expect(
      (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "visa_h1b"),
    ).toBeUndefined();
  });
});
