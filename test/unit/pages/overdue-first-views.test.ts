import { describe, expect, it } from "vitest";
import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { timelineCard } from "../../../functions/console/pages/timeline.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * The views that claim "most urgent first": the applicant's timeline, the CLI's
 * NEXT STEPS and the console's drill-down. A Lagos J-1 graduate for the 2027 Match, everything to NRMP
 * done but the OET and the Pathway, on 10 Jan 2027: (1) with the OET sat on 12 Dec 2026 and its result
 * pending, the OET is past its deadline ("Overdue: result pending") and was listed last, below the rank
 * order list and SOAP marked "Later"; (2) with no OET, the 2027 Match is out of reach and the Pathway,
 * dated for the 2028 Match, read "overdue" beside its 2028 date while the Overdue section said "(none)".
 * The OET sat on 12 Dec with its result unreported is asked about,
 * not overdue, nor is the Pathway behind it: the OET (critical, due 26 Jan) leads, then the Pathway; the
 * "overdue first" ordering is checked on an ERAS application still in progress, whose steps are overdue.
 */
const ZONE = "Africa/Lagos";
const NOW = new Date("2027-01-10T12:00:00Z");
const DONE = doneMilestones(DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "2024-09-01");
// The Pathway went in on 28 Dec 2026, after its projected deadline: ECFMG's may be later, so it is
// due by the rank order list deadline with its answer pending, not overdue (it was overdue
// before); not submitted at all, the 2027 Match would be out of reach,
// the second case below.
const OET_PENDING = [
  ...DONE,
  milestoneFactory("oet_medicine", "scheduled", "2026-12-12"),
  milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-28"),
];

/**
 * The second case's instant: past the latest candidate for the 2027 Pathway deadline (Tue 2 Feb 2027),
 * which a Pathway not submitted waits for before the Match is written off; on
 * 10 Jan the 2027 Match is kept with "sit OET by Tue 12 Jan", and nothing is dated for 2028.
 */
const LATER_NOW = new Date("2027-02-10T12:00:00Z");

function planOf(milestones: MilestoneEntry[], now = NOW): Plan {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: ZONE, visa: "J-1", graduation: "2024-07-30" }),
    milestones,
  });
  return plan(input, seasonCalendar(2027), now);
}

/** The timeline's next-step cards: [title, badge] in the order shown. */
function timelineCards(thePlan: Plan): [string, string][] {
  const body =
    timelinePage({
      firstName: "Ada",
      timezone: ZONE,
      plan: thePlan,
      comingReminders: [],
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_ada",
        feedGeneration: 0,
        now: NOW,
      }),
    }).body ?? "";
  const next = body.slice(body.indexOf('<h2 id="next">'));
  // The next-steps section ends at the following heading: a card's own lists (its sources) close ul tags inside it.
  const end = next.indexOf("<h2", 1);
  const list = end < 0 ? next : next.slice(0, end);
  return [...list.matchAll(/<h3>([^<]*?) <span class="tag [a-z]+">([^<]+)<\/span><\/h3>/g)].map((match) => [
    match[1] ?? "",
    match[2] ?? "",
  ]);
}

/** The CLI's NEXT STEPS rows: [standing, step] in the order shown. */
function cliRows(thePlan: Plan): [string, string][] {
  const text = renderPlan(thePlan, "Ada", ZONE);
  const rows = text.slice(text.indexOf("NEXT STEPS"), text.indexOf("\n\n", text.indexOf("NEXT STEPS")));
  return rows
    .split("\n")
    .slice(3)
    .filter((row) => /^ {2}\S/.test(row) && !row.startsWith("  - ") && !row.startsWith("  (*"))
    .map((row) => {
      const cells = row.trim().split(/\s{2,}/);
      return [cells[0] ?? "", cells[1] ?? ""];
    });
}

/** The console drill-down's Next items, in order, and its Overdue section. */
function consoleNext(milestones: MilestoneEntry[], now = NOW): { next: string; overdue: string } {
  const state = {
    profile: profileFactory({ matchYear: 2027, timezone: ZONE }),
    milestones,
    interviews: [],
    ledger: [],
  };
  const html = timelineCard(
    { state, plan: planOf(milestones, now), audit: [], submissions: [], events: [] },
    now.toISOString().slice(0, 10),
  );
  return {
    next: html.slice(html.indexOf("<h3>Next</h3>"), html.indexOf("<h3>Blocked</h3>")),
    overdue: html.slice(html.indexOf("<h3>Overdue</h3>"), html.indexOf("<h3>Done</h3>")),
  };
}

describe("every step past its deadline is listed before the steps marked Later, in every view", () => {
  const thePlan = planOf(OET_PENDING);

  it("the timeline's cards", () => {
    const cards = timelineCards(thePlan);
    expect(cards.slice(0, 2)).toEqual([
      // Sat, its result is due by the Pathway's documents deadline, still ahead; a
      // critical risk asks for it, so the badge is urgent and it leads.
      ["Pass OET Medicine", "Urgent: result pending"],
      ["Complete an ECFMG Pathway", "Result pending"],
    ]);
    expect(cards.slice(2).map(([, badge]) => badge)).not.toContain("Overdue");
    expect(cards.map(([title]) => title)).toContain("Certify your rank order list");
  });

  it("the CLI's NEXT STEPS, with the timeline's badge in words", () => {
    const rows = cliRows(thePlan);
    expect(rows.slice(0, 2)).toEqual([
      ["urgent: result pending", "oet_medicine"],
      ["result pending", "ecfmg_pathway"],
    ]);
    expect(rows.map(([, step]) => step)).toContain("rank_order_list");
  });

  it("the email's 'Your next steps'", () => {
    // The email of 15 Jan 2027, 9:00 AM in Lagos (ranking opens), with the plan of that moment.
    const later = new Date("2027-01-15T08:00:00Z");
    const then = plan(
      inputFactory({
        applicant: applicantFactory({
          matchYear: 2027,
          timezone: ZONE,
          visa: "J-1",
          graduation: "2024-07-30",
        }),
        milestones: OET_PENDING,
      }),
      seasonCalendar(2027),
      later,
    );
    const reminders = dueReminders(then, later, new Set());
    expect(reminders.length).toBeGreaterThan(0);
    const text = renderReminderEmail({
      recipientName: "Ada",
      reminders,
      plan: then,
      timezone: ZONE,
      unsubscribeUrl: "https://api.example.org/u",
    }).text;
    const steps = text.slice(text.indexOf("Your next steps:"));
    const bullets = steps
      .split("\n")
      .filter((line) => line.startsWith("- "))
      .slice(0, 2);
    expect(bullets[0]).toContain("Pass OET Medicine");
    // Its bullet may point to the item above it, which asks for the result; either way it reads as pending.
    expect(bullets[0]).toContain("result pending");
    expect(bullets[1]).toContain("Complete an ECFMG Pathway");
  });

  it("the console's drill-down", () => {
    const { next } = consoleNext(OET_PENDING);
    const at = (key: "oet_medicine" | "rank_order_list") =>
      next.indexOf(`<strong>${stepForAdvisor({ milestone: key, title: "" })}</strong>`);
    expect(at("oet_medicine")).toBeGreaterThanOrEqual(0);
    expect(at("oet_medicine")).toBeLessThan(at("rank_order_list"));
  });
});

describe("steps really overdue (an ERAS application in progress) come first", () => {
  const milestones = [
    ...OET_PENDING.filter((entry) => entry.key !== "eras_application"),
    milestoneFactory("eras_application", "in_progress"),
  ];
  const thePlan = planOf(milestones);

  it("the timeline, the CLI and the console list every overdue step before the OET asked about", () => {
    expect(thePlan.overdue.length).toBeGreaterThan(0);
    const badges = timelineCards(thePlan).map(([, badge]) => badge);
    const lastOverdue = badges.map((badge) => badge.startsWith("Overdue")).lastIndexOf(true);
    expect(lastOverdue).toBeGreaterThanOrEqual(0);
    expect(lastOverdue).toBeLessThan(badges.indexOf("Urgent: result pending"));
    const standings = cliRows(thePlan).map(([standing]) => standing);
    expect(standings.lastIndexOf("overdue")).toBeLessThan(standings.indexOf("urgent: result pending"));
    expect(standings.slice(0, thePlan.overdue.length)).toEqual(thePlan.overdue.map(() => "overdue"));
    const { next } = consoleNext(milestones);
    const at = (key: "eras_application" | "oet_medicine" | "rank_order_list") =>
      next.indexOf(`<strong>${stepForAdvisor({ milestone: key, title: "" })}</strong>`);
    expect(at("eras_application")).toBeGreaterThanOrEqual(0);
    expect(at("eras_application")).toBeLessThan(at("oet_medicine"));
  });
});

describe("no view says 'overdue' of a step dated ahead for a later Match", () => {
  // No OET nor Pathway: reported not started (a registered applicant's missing steps are presumed).
  const thePlan = planOf(openStepsNotStarted(DONE), LATER_NOW);

  it("the case: the 2027 Match is out of reach, nothing is past its deadline for the 2028 Match", () => {
    expect(thePlan.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(thePlan.overdue).toEqual([]);
  });

  it("the timeline's Pathway card reads 'Too late for the 2027 Match', and no card 'Overdue'", () => {
    const cards = timelineCards(thePlan);
    expect(cards).toContainEqual(["Complete an ECFMG Pathway", "Too late for the 2027 Match"]);
    expect(cards.map(([, badge]) => badge).filter((badge) => badge.startsWith("Overdue"))).toEqual([]);
  });

  it("the CLI says the same, beside an OVERDUE section of none", () => {
    const rows = cliRows(thePlan);
    expect(rows).toContainEqual(["too late for the 2027 Match", "ecfmg_pathway"]);
    expect(rows.map(([standing]) => standing)).not.toContain("overdue");
    const text = renderPlan(thePlan, "Ada", ZONE);
    expect(text.slice(text.indexOf("\nOVERDUE\n"))).toMatch(/^\nOVERDUE\n {2}\(none\)/);
  });

  it("the console's drill-down says it too, with nothing overdue", () => {
    const { next, overdue } = consoleNext(openStepsNotStarted(DONE), LATER_NOW);
    expect(next).toContain("too late for the 2027 Match");
    expect(next).not.toMatch(/>overdue</);
    expect(overdue).toContain("Nothing overdue");
  });
});
