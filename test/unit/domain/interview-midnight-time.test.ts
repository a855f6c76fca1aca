import { describe, expect, it } from "vitest";
import { deadlineWords } from "#domain/date-words.ts";
import { interviewCancellations } from "#domain/interview-cancellations.ts";
import type { Deadline } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * A date the applicant gave without a time prints as a day; an interview is an instant and keeps
 * its time even when it falls at midnight in the applicant's zone (9:00 AM in Denver is midnight
 * in Manila): without it, the email would say only the day of an interview at 12:00 AM. The
 * deadline's precision says which, whatever its source reads.
 */
const atMidnight = (source: string, precision?: Deadline["precision"]): Deadline => ({
  at: "2027-01-12T16:00:00.000Z",
  local: "Wed 13 Jan 2027, 12:00 AM GMT+8",
  et: "Tue 12 Jan 2027, 11:00 AM ET",
  status: "applicant",
  basis: "applicant",
  source,
  ...(precision === undefined ? {} : { precision }),
});

const MIDNIGHT_IN_MANILA = "2027-01-12T09:00:00-07:00";

describe("deadlineWords at the applicant's midnight", () => {
  it("keeps an instant's time, whatever its source says", () => {
    expect(deadlineWords(atMidnight("the program's new time", "instant")).local).toBe(
      "Wed 13 Jan 2027, 12:00 AM GMT+8",
    );
  });

  it("prints the applicant's own exam day as a day", () => {
    expect(deadlineWords(atMidnight("your exam date")).local).toBe("Wed 13 Jan 2027");
  });

  it("keeps the time of a planned interview at midnight in Manila", () => {
    const plan = planFor(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Manila" }),
        interviews: [
          interviewFactory({ id: "iv-denver", startsAt: MIDNIGHT_IN_MANILA, timezone: "America/Denver" }),
        ],
      }),
      "2027-01-05T00:00:00Z",
    );
    const interview = plan.reminders.find((reminder) => reminder.interviewId === "iv-denver");
    expect(interview && deadlineWords(interview.deadlineDetail).local).toBe(
      "Wed 13 Jan 2027, 12:00 AM GMT+8",
    );
  });

  it("keeps the time of a cancelled interview at midnight in Manila", () => {
    const [cancelled] = interviewCancellations(
      [
        {
          interviewId: "iv-denver",
          program: "Denver Health Internal Medicine",
          startsAt: MIDNIGHT_IN_MANILA,
          timezone: "America/Denver",
          lastSentAt: "2027-01-02T00:00:00Z",
        },
      ],
      [],
      "Asia/Manila",
      Date.parse("2027-01-05T00:00:00Z"),
    );
    expect(cancelled && deadlineWords(cancelled.deadlineDetail).local).toBe(
      "Wed 13 Jan 2027, 12:00 AM GMT+8",
    );
  });
});
