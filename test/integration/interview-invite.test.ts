import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { applicantWithInterview, attachmentsOf } from "./support/interviews.ts";
import { clockTo, emailsTo } from "./support/local-stack.ts";

describe("interview emails", () => {
  it("carry the interview as an .ics, timed in the program's zone, with the calendar feed's UID", async () => {
    const { applicant, status } = await applicantWithInterview({
      id: "mercy-im",
      program: "Mercy Internal Medicine",
      startsAt: "2026-11-12T10:00:00-06:00",
    });
    expect(status).toBe(202);
    await clockTo("2026-11-11T00:00:00Z");
    const withInvite = (await emailsTo(applicant.email)).flatMap(attachmentsOf);
    expect(withInvite.length).toBeGreaterThan(0);
    const invite = withInvite[0];
    expect(invite?.filename).toBe("interview-mercy-im.ics");
    expect(invite?.contentType).toContain("text/calendar");
    const calendar = new ICAL.Component(
      ICAL.parse(Buffer.from(invite?.content ?? "", "base64").toString("utf8")),
    );
    for (const zone of calendar.getAllSubcomponents("vtimezone"))
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.uid).toBe(`${applicant.applicantId}.interview-mercy-im.interview@matchpath`);
    expect(event.startDate.zone?.tzid).toBe("America/Chicago");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-11-12T16:00:00.000Z");
  });
});
