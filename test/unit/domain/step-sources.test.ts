import { describe, expect, it } from "vitest";
import type { NextStep, Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { withStepSources } from "#domain/step-sources.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { stepHtml } from "#pages/timeline-step.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * A step card names where its dates come from, as a risk does: each projected season date its words
 * name cites its projection rule, the step's own advice date its rule, and the applicant's own dates
 * nothing. Farida, Karachi, J-1, list certified, in SOAP on Sat 20 Mar 2027 after SOAP ended: her
 * Match Day card names SOAP's end, Match Day and the next season's MyERAS opening, all projected.
 */
const calendar = seasonCalendar(2027);
const next = seasonCalendar(2028);
const input = certifiedListWith("Asia/Karachi", milestoneFactory("soap", "in_progress"));
const NOW = new Date("2027-03-20T09:00:00.000Z");
const ZONE = "Asia/Karachi";
const raw: Plan = plan(input, calendar, NOW);
const planned: Plan = withStepSources(raw, ZONE);
const links: ApplicantLinks = {
  timeline: "https://example.org/t",
  preferences: "https://example.org/p",
  feed: "https://example.org/f",
  feedSubscription: "webcal://example.org/f",
  action: (milestone, action) => `https://example.org/a/${milestone}/${action}`,
};
const card = planned.nextSteps.find((step) => step.milestone === "match_day") as NextStep;

describe("a step card's sources", () => {
  it("cite the projection rule of every projected season date the card names", () => {
    expect(card.action).toContain("MyERAS opens on");
    for (const date of [
      calendar.dates.nrmp_soap_ends,
      calendar.dates.nrmp_match_day,
      next.dates.eras_season_opens_myeras,
    ]) {
      expect(date.status).toBe("projected");
      expect(card.sources).toContain(date.source);
    }
    expect(card.deadline && card.sources).toContain(card.deadline?.source);
  });

  it("are cited where a card is shown (withStepSources), not by plan(), which leaves its plan unchanged", () => {
    expect(raw.nextSteps.filter((step) => step.sources !== undefined)).toEqual([]);
    expect(planned.nextSteps.filter((step) => step.sources !== undefined).length).toBeGreaterThan(0);
    expect(withStepSources(planned, ZONE)).toEqual(planned);
  });

  it("never cite a season date on a day the words mark as our advice", () => {
    for (const step of planned.nextSteps)
      for (const source of step.sources ?? []) expect(source).not.toBe(calendar.dates.residency_start.source);
  });

  it("are shown on the timeline card, in the email's item and under the CLI's step", () => {
    const html = stepHtml(card, planned, links, undefined, ZONE, [], []);
    expect(html).toContain("Where these dates come from");
    expect(html).toContain(calendar.dates.nrmp_match_day.source.slice(0, 40));
    const reminder = planned.reminders.find((each) => each.milestone === "match_day");
    const email = renderReminderEmail({
      recipientName: "Farida Khan",
      reminders: reminder ? [reminder] : [],
      plan: raw,
      timezone: ZONE,
      links: { ...links, action: () => "https://example.org/a" },
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.text).toContain(
      "A date in this step is projected by Matchpath's rule and your timeline shows how it is set.",
    );
    expect(email.html).toContain("A date in this step is projected");
    let out = "";
    runPlanCli(["snapshot.json", "--now", NOW.toISOString()], {
      out: (text: string) => {
        out += text;
      },
      err: () => {},
      now: () => NOW,
      readFile: () => JSON.stringify({ type: "applicant.snapshot", submissionId: "s-1", ...input }),
    });
    expect(out).toContain(`      source: ${calendar.dates.nrmp_soap_ends.source}\n`);
  });
});
