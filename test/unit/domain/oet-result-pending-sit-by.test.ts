import { describe, expect, it } from "vitest";
import { reminderDateLabel } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Sofía, Montevideo, 2027 Match, sat the OET on Sat 28 Nov 2026 and has no result yet; her Pathway
 * went in in October. Her sit-by rungs read "Has your OET Medicine score come? If so, tell us the
 * result: sit it by Tue 5 Jan 2027", an instruction to sit an exam she sat, and from 22 Dec, when
 * no OET session by 5 Jan can usually be booked any more (about 20 days ahead, advice), they told her
 * to "book any session you can still book by that day" and that "a test date usually takes about a week".
 */
const sofia = (now: string) =>
  plan(
    inputFactory({
      applicant: applicantFactory({ timezone: "America/Montevideo", matchYear: 2027, visa: "J-1" }),
      milestones: [
        ...doneMilestones(
          [
            "wdoms_listing",
            "ecfmg_application",
            "usmle_step1",
            "usmle_step2ck",
            "eras_token",
            "eras_application",
          ],
          "2026-06-20",
        ),
        milestoneFactory("oet_medicine", "scheduled", "2026-11-28"),
        milestoneFactory("ecfmg_pathway", "in_progress", "2026-10-15"),
      ],
    }),
    seasonCalendar(2027),
    new Date(now),
  );

describe("a sat OET with its result pending, counted down to its last sitting day", () => {
  const later = sofia("2026-12-22T12:00:00Z");
  const oet = later.nextSteps.find((step) => step.milestone === "oet_medicine");
  const sitBy = later.reminders.filter(
    (one) => one.milestone === "oet_medicine" && one.rung.startsWith("sit-by-in-"),
  );

  it("labels the sit-by day as the fallback of one who did not sit it", () => {
    expect(sitBy.length).toBeGreaterThan(0);
    for (const one of sitBy) expect(reminderDateLabel(one).inline).toBe("if you did not sit it, sit it by");
  });

  it("once booking by that day has probably closed, says so and offers a late seat, not a booking", () => {
    const said = JSON.stringify(oet);
    expect(said).toMatch(
      /booking for OET Medicine sittings by Tue 5 Jan 2027 \(our advice\) has probably closed/,
    );
    expect(said).not.toMatch(/book any session you can still book by that day/);
    for (const one of sitBy) {
      expect(one.why).toMatch(/booking for sittings by then has probably closed/);
      expect(one.why).not.toMatch(/a test date usually takes about a week/);
    }
  });
});
