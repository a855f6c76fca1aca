import { describe, expect, it } from "vitest";
import { deadlineWords } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { deadlineDetail } from "#domain/planner/date-math.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { etInstant } from "#domain/time.ts";
import {
  applicantFactory,
  certifiedListWith,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * An end that falls at the start of a local day is the end of the day before: "Thu 18 Mar 2027, end
 * of the day (midnight GMT+3)", never "Fri 19 Mar 2027, 12:00 AM GMT+3", which reads as Friday,
 * nor "24:00", which applicants rarely read (the day of the
 * instant less 1 ms, as a whole-day due names the day it closes). Every display prints the
 * deadline's own words (deadlineWords: the CLI, the emails, the timeline, the calendar), so the
 * plan's Deadline carries them. A start keeps its day and time: an interview at 00:00, Match Day's
 * release at 00:00 in Manila. 2027 Match: SOAP ends Thu 18 Mar 2027, 5:00 PM ET (midnight in
 * Amman, UTC+3); Match Day is Fri 19 Mar 2027, 12:00 PM ET (midnight in Manila, UTC+8); projected.
 */
const calendar = seasonCalendar(2027);
const at = (result: Plan, milestone: string) => result.nextSteps.find((s) => s.milestone === milestone);

describe("an end at local midnight", () => {
  it("SOAP's end in Amman: the step, its notices and the displays name the end of Thursday", () => {
    const input = certifiedListWith("Asia/Amman", milestoneFactory("soap", "in_progress"));
    const result = plan(input, calendar, new Date("2027-03-16T09:00:00Z"));
    const deadline = at(result, "soap")?.deadline;
    expect(deadline?.at).toBe(new Date(calendar.dates.nrmp_soap_ends.at).toISOString());
    expect(deadline?.local).toBe("Thu 18 Mar 2027, end of the day (midnight GMT+3)");
    expect(deadline && deadlineWords(deadline).local).toBe(
      "Thu 18 Mar 2027, end of the day (midnight GMT+3)",
    );
    const notices = result.reminders.filter((r) => r.milestone === "soap");
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices)
      expect(notice.deadlineDetail.local).toBe("Thu 18 Mar 2027, end of the day (midnight GMT+3)");
  });

  it("in ET too: an end at 12:00 AM ET is the end of the day before, midnight ET", () => {
    const end = etInstant("2027-06-17", "00:00");
    const detail = deadlineDetail("Asia/Tokyo", end, "projected", "projected", "a rule");
    expect(detail.et).toBe("Wed 16 Jun 2027, end of the day (midnight ET)");
    expect(detail.local).toBe("Thu 17 Jun 2027, 1:00 PM GMT+9");
  });

  it("any other instant keeps its own day and time", () => {
    const detail = deadlineDetail(
      "Asia/Amman",
      etInstant("2027-03-18", "17:01"),
      "projected",
      "projected",
      "r",
    );
    expect(detail.local).toBe("Fri 19 Mar 2027, 12:01 AM GMT+3");
  });
});

describe("a start at local midnight keeps its day", () => {
  it("Match Day's release in Manila reads Saturday, 12:00 AM", () => {
    const result = plan(certifiedListWith("Asia/Manila"), calendar, new Date("2027-03-10T09:00:00Z"));
    expect(at(result, "match_day")?.deadline?.local).toBe("Sat 20 Mar 2027, 12:00 AM GMT+8");
  });

  it("an interview at 00:00 in the applicant's zone reads its own day", () => {
    const input = inputFactory({
      applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027 }),
      interviews: [interviewFactory({ startsAt: "2027-01-14T00:00:00+08:00", timezone: "Asia/Manila" })],
    });
    const result = plan(input, calendar, new Date("2027-01-05T09:00:00Z"));
    const interview = result.nextSteps.find((s) => s.milestone === "interview");
    expect(interview?.deadline?.local).toBe("Thu 14 Jan 2027, 12:00 AM GMT+8");
  });
});
