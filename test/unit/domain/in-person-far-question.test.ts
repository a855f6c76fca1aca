import { describe, expect, it } from "vitest";
import { farInPersonQuestion } from "#domain/program-time.ts";
import { interviewFactory } from "#test/unit/domain/factories.ts";

/**
 * The question an in-person interview less than a day away asks an applicant far from the program
 * says how far the program's clock is from hers, and which way: "18 hours from your time zone"
 * (Auckland, an interview in New York) read like the journey, and a half-hour zone's difference was
 * rounded (Kolkata and Chicago, 11½ hours apart in winter, read "12 hours").
 */
const start = Date.parse("2026-12-03T09:00:00-06:00");
const sentAt = start - 6 * 3_600_000;
const at = (timezone: string) =>
  interviewFactory({
    program: "Harbor IM",
    startsAt: new Date(start).toISOString(),
    timezone,
    format: "in_person",
  });

describe("how far an in-person interview's program is from her time", () => {
  it("says the program is so many hours behind or ahead of her time", () => {
    expect(farInPersonQuestion(at("America/New_York"), "Pacific/Auckland", start, sentAt)).toContain(
      "at a program 18 hours behind your time: are you there already?",
    );
    expect(farInPersonQuestion(at("America/New_York"), "Pacific/Honolulu", start, sentAt)).toContain(
      "at a program 5 hours ahead of your time",
    );
    expect(farInPersonQuestion(at("America/New_York"), "Pacific/Auckland", start, sentAt)).not.toContain(
      "from your time zone",
    );
  });

  it("keeps a half-hour zone's half, and says about for a quarter-hour zone", () => {
    expect(farInPersonQuestion(at("America/Chicago"), "Asia/Kolkata", start, sentAt)).toContain(
      "at a program 11½ hours behind your time",
    );
    expect(farInPersonQuestion(at("America/Chicago"), "Asia/Kathmandu", start, sentAt)).toContain(
      "at a program about 12 hours behind your time",
    );
  });
});
