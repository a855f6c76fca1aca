import { describe, expect, it } from "vitest";
import { interviewFactory } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * The console's Timeline card gives an interview as the applicant's timeline, the emails and
 * `npm run plan` do: in the applicant's zone and the program's, never in ET, which is neither's.
 * Other deadlines keep ET first with the applicant's time after it.
 */
describe("an interview on the console's timeline", () => {
  it("is in the applicant's time and the program's, never ET", () => {
    const interviews = [
      interviewFactory({
        program: "Rush IM",
        startsAt: "2026-11-10T09:00:00-06:00",
        timezone: "America/Chicago",
      }),
    ];
    const state = {
      profile: profileFactory({ timezone: "Asia/Kolkata" }),
      milestones: [],
      interviews,
      ledger: [],
    };
    const plan = domainPlanning.plan(state, new Date("2026-11-05T12:00:00Z"));
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const items = timelineCard(view, "2026-11-05").split("<li");
    const interview = items.find((item) => item.includes("Interview with Rush IM"));

    expect(interview).toContain(
      'starts <time datetime="2026-11-10T15:00:00.000Z">Tue 10 Nov 2026, 8:30 PM GMT+5:30 their time · Tue 10 Nov 2026, 9:00 AM CST (at the program)</time>',
    );
    expect(interview).not.toContain(" ET");
    // A deadline is still in ET, then in the applicant's time.
    expect(items.some((item) => /due <time [^>]*>[^<]* ET \([^<]* their time\)<\/time>/.test(item))).toBe(
      true,
    );
  });
});
