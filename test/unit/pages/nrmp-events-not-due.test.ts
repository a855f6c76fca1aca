import { describe, expect, it } from "vitest";
import { stepDatesInline } from "#domain/date-words.ts";
import type { Deadline } from "#domain/plan.ts";
import { itemDateLabel } from "#domain/reminder-kind.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { planFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";

/**
 * The timeline showed Match Week, SOAP and Match Day as "Due …", though
 * they are NRMP's events, nothing the applicant must meet; the calendar feed already titles them
 * "On …". The timeline and the emails now use the feed's rule (isNrmpEvent).
 */
describe("NRMP's events are no deadlines", () => {
  const now = "2027-12-01T08:00:00.000Z";
  const matchDay: Deadline = {
    at: "2028-03-17T16:00:00.000Z",
    local: "Fri 17 Mar 2028, 9:00 PM GMT+5",
    et: "Fri 17 Mar 2028, 12:00 PM ET",
    status: "projected",
    source: "projected: Match Day",
  };
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now: new Date(now),
  });

  it("the timeline says “On”, not “Due”, for a waiting or next NRMP event", () => {
    const plan = planFactory({
      now,
      nextSteps: [stepFactory({ milestone: "match_week", title: "Match Week", deadline: matchDay })],
      blocked: [
        {
          milestone: "match_day",
          title: "Match Day: learn where you matched",
          waitingFor: ["rank_order_list"],
          why: "",
          deadline: matchDay,
        },
      ],
      reminders: [],
    });
    const html =
      timelinePage({ firstName: "Ada", timezone: "Asia/Karachi", links, plan, comingReminders: [] }).body ??
      "";
    expect(html).not.toContain("Due <strong>Fri 17 Mar 2028");
    expect(html.match(/On <strong>Fri 17 Mar 2028, 9:00 PM GMT\+5<\/strong>/g)).toHaveLength(2);
  });

  it("an email's item and next-step line say “on”, not “due” or “by”", () => {
    const reminder = reminderFactory({
      id: "match_day:due-in-7d",
      milestone: "match_day",
      deadline: matchDay.at,
    });
    const plan = planFactory({ now, reminders: [reminder] });
    expect(itemDateLabel(plan, reminder, true)).toEqual({ label: "On", inline: "on" });
    expect(
      stepDatesInline({ milestone: "match_day", deadline: matchDay, urgency: "later" }, Date.parse(now)),
    ).toBe("on Fri 17 Mar 2028, 9:00 PM GMT+5, projected date");
  });

  it("an interview in an email's next steps “starts”, never “by”", () => {
    expect(
      stepDatesInline(
        { milestone: "interview", deadline: { ...matchDay, status: "applicant" }, urgency: "soon" },
        Date.parse(now),
      ),
    ).toBe("starts Fri 17 Mar 2028, 9:00 PM GMT+5");
  });

  it("a deadline keeps “Due” and “by”", () => {
    expect(
      stepDatesInline(
        { milestone: "rank_order_list", deadline: matchDay, urgency: "later" },
        Date.parse(now),
      ),
    ).toBe("by Fri 17 Mar 2028, 9:00 PM GMT+5, projected date");
  });
});
