import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sequenceOf } from "#calendar/feed-parts.ts";
import { renderInterviewCancellation } from "#calendar/interview-ics.ts";
import { organizerOf } from "#calendar/organizer.ts";

const invite = {
  interviewId: "mercy-im",
  program: "Mercy Internal Medicine",
  startsAt: "2026-11-12T10:00:00-06:00",
  timezone: "America/Chicago",
  format: "virtual" as const,
  lastSentAt: "2026-11-05T08:00:00.000Z",
};

function cancelOf(updatedAt: string) {
  const text = renderInterviewCancellation({
    applicantId: "a_ada",
    invite,
    updatedAt,
    organizer: "reminders@matchpath.example",
    attendee: "ada@example.com",
  });
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  return { text, calendar, event: new ICAL.Event(event), raw: event };
}

/**
 * The sender as SENDER_ADDRESS gives it, with a display name: the
 * ORGANIZER is mailto: the address alone, the name its CN, in both files.
 */
describe("an interview file's ORGANIZER from a sender with a display name", () => {
  it("is mailto: the address, CN the name (the cancelling file; the invite takes the same organizerOf)", () => {
    const text = renderInterviewCancellation({
      applicantId: "a_ada",
      invite,
      updatedAt: "2026-11-06T10:00:00.000Z",
      organizer: "Matchpath Reminders <reminders@matchpath.example>",
      attendee: "ada@example.com",
    });
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent");
    const organizer = event?.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:reminders@matchpath.example");
    expect(organizer?.getParameter("cn")).toBe("Matchpath Reminders");
    expect(organizerOf('"Matchpath" <reminders@matchpath.example>')).toEqual({
      name: "Matchpath",
      email: "reminders@matchpath.example",
    });
    expect(organizerOf("reminders@matchpath.example")).toEqual({
      name: "Matchpath",
      email: "reminders@matchpath.example",
    });
  });
});

/** RFC 5546 §3.2.5, the object that cancels an interview's calendar file. */
describe("an interview's cancelling calendar object", () => {
  it("is METHOD:CANCEL with the file's UID, STATUS:CANCELLED, ORGANIZER and ATTENDEE, in the program's zone", () => {
    const { calendar, event, raw } = cancelOf("2026-11-06T10:00:00.000Z");
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.uid).toBe("a_ada.interview-mercy-im.interview@matchpath");
    expect(raw.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(raw.getFirstPropertyValue("organizer")).toBe("mailto:reminders@matchpath.example");
    expect(String(raw.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:ada@example.com");
    expect(raw.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("America/Chicago");
    expect(event.sequence).toBe(sequenceOf(new Date("2026-11-06T10:00:00.000Z")));
  });

  it("has a SEQUENCE above the last file's even when the record's last change is no later than its email", () => {
    // The file sent on 5 Nov had at most sequenceOf(its email's time).
    const { event } = cancelOf("2026-11-05T08:00:00.000Z");
    expect(event.sequence).toBeGreaterThan(sequenceOf(new Date(invite.lastSentAt)));
  });

  it("is the same text for the same input", () => {
    expect(cancelOf("2026-11-06T10:00:00.000Z").text).toBe(cancelOf("2026-11-06T10:00:00.000Z").text);
  });
});
