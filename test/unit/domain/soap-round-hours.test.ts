import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * SOAP's card from Tuesday (ET) gives the hours the season's soap-participation rungs plan: programs
 * read applications from Tuesday 9:00 AM ET (before it, "start reading", never "have been reading
 * since Tuesday morning" at midnight ET), and the first offer round can open as early as 9:00 AM ET
 * on Wednesday, in both zones, as Thursday's card gives its hour; once it has opened, the rounds
 * have begun. Not answered and in SOAP alike; a J-1 applicant in Cairo (GMT+2), list certified.
 */
const soapAt = (now: string, inSoap: boolean) =>
  plan(
    certifiedListWith("Africa/Cairo", ...(inSoap ? [milestoneFactory("soap", "in_progress")] : [])),
    seasonCalendar(2027),
    new Date(now),
  ).nextSteps.find((step) => step.milestone === "soap")?.action ?? "";

describe.each([
  ["not answered", false],
  ["in SOAP", true],
])("SOAP's hours from Tuesday, %s", (_who, inSoap) => {
  it("Tuesday before 9:00 AM ET: programs start reading at 9:00 AM ET, in both zones; the first round is Wednesday's", () => {
    const action = soapAt("2027-03-16T04:00:00Z", inSoap);
    expect(action).toContain(
      "programs start reading them at 9:00 AM ET today, Tue 16 Mar (projected) (3:00 PM your time)",
    );
    expect(action).not.toContain("since Tuesday morning");
    expect(action).toContain("as early as 9:00 AM ET tomorrow, Wed 17 Mar (projected) (3:00 PM your time)");
  });

  it("Wednesday morning: the first round's hour today, in both zones", () => {
    const action = soapAt("2027-03-17T07:00:00Z", inSoap);
    expect(action).toContain("programs have been reading them since Tuesday morning");
    expect(action).toContain(
      "SOAP's first offer round can open as early as 9:00 AM ET today, Wed 17 Mar (projected) (3:00 PM your time)",
    );
  });

  it("Wednesday after the first round: the rounds have begun, the remaining ones are ahead", () => {
    const action = soapAt("2027-03-17T15:00:00Z", inSoap);
    expect(action).toContain(
      "SOAP's offer rounds began today, Wed 17 Mar (projected), from as early as 9:00 AM ET",
    );
    expect(action).toContain("be at R3 for the remaining rounds");
  });
});
