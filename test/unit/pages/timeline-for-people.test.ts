import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { planFactory, stepFactory } from "#test/unit/usecases/fakes.ts";

/**
 * The emails named the guide their advice comes from, but the timeline still
 * printed the catalog's internal names, "(advice: seed article)" and "(advice: no authority sets
 * this)". Both go through the one helper the emails use (for-people.ts).
 */
describe("planner texts on the timeline, as an applicant reads them", () => {
  const now = "2027-03-01T00:00:00.000Z";
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_syd",
    feedGeneration: 0,
    now: new Date(now),
  });
  const body =
    timelinePage({
      firstName: "Sam",
      timezone: "Australia/Sydney",
      links,
      plan: planFactory({
        now,
        nextSteps: [
          stepFactory({
            milestone: "interview",
            interviewId: "iv-1",
            title: "Prepare for your virtual interview with Rush",
            why: "Engage, don't recite: ask questions tailored to the program (advice: seed article).",
          }),
          stepFactory({
            milestone: "interview",
            interviewId: "iv-2",
            title: "Thank Mercy for the interview",
            why: "A brief thank-you note shows genuine interest in the program (advice: no authority sets this).",
          }),
        ],
        reminders: [],
      }),
      comingReminders: [],
    }).body ?? "";

  it("names the guide and says whose advice it is, never the internal source names", () => {
    expect(body).not.toContain("seed article");
    expect(body).not.toContain("advice: no authority sets this");
    expect(body).toContain("(advice from the guide “The US Residency Process for IMGs”)");
    expect(body).toContain("shows genuine interest in the program (Matchpath advice: no rule requires it)");
  });
});
