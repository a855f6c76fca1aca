import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { milestoneUpdate } from "./support/applicants.ts";
import { applicantWithInterview, attachmentsOf, type StoredAttachment } from "./support/interviews.ts";
import { advanceClock, clockTo, drainStream, emailsTo, postWebhook } from "./support/local-stack.ts";

function eventOf(file: StoredAttachment | undefined) {
  const calendar = new ICAL.Component(
    ICAL.parse(Buffer.from(file?.content ?? "", "base64").toString("utf8")),
  );
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error(`no VEVENT in ${file?.filename}`);
  return { method: calendar.getFirstPropertyValue("method"), vevent, event: new ICAL.Event(vevent) };
}

/** On the local stack: intake → interview email with its .ics → cancel → one cancelling email. */
describe("a cancelled interview", () => {
  it("whose .ics went out gets one email with a METHOD:CANCEL file of the same UID and a higher SEQUENCE", async () => {
    const { applicant, status } = await applicantWithInterview({
      id: "mercy-im",
      program: "Mercy Internal Medicine",
      startsAt: "2026-11-12T10:00:00-06:00",
    });
    expect(status).toBe(202);
    await clockTo("2026-11-06T00:00:00Z");
    const invites = (await emailsTo(applicant.email))
      .flatMap(attachmentsOf)
      .filter((file) => file.filename === "interview-mercy-im.ics");
    expect(invites.length).toBeGreaterThan(0);
    const published = eventOf(invites.at(-1));
    expect(published.method).toBe("PUBLISH");

    const cancel = {
      ...milestoneUpdate(applicant, []),
      interviews: [{ id: "mercy-im", status: "cancelled" }],
    };
    expect((await postWebhook(cancel)).status).toBe(202);
    await drainStream();
    await advanceClock("PT1M");
    await drainStream();
    await advanceClock("P1D");

    const cancellations = (await emailsTo(applicant.email)).filter((email) =>
      attachmentsOf(email).some((file) => file.contentType.includes("method=CANCEL")),
    );
    expect(cancellations).toHaveLength(1);
    const [email] = cancellations;
    expect(email?.subject).toMatch(/^Your interview with Mercy Internal Medicine is cancelled/);
    const file = attachmentsOf(email).find((candidate) => candidate.contentType.includes("method=CANCEL"));
    expect(file?.filename).toBe("interview-mercy-im-cancelled.ics");
    const cancelled = eventOf(file);
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.event.uid).toBe(published.event.uid);
    expect(cancelled.event.uid).toBe(`${applicant.applicantId}.interview-mercy-im.interview@matchpath`);
    expect(cancelled.event.sequence).toBeGreaterThan(published.event.sequence);
    expect(cancelled.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(String(cancelled.vevent.getFirstPropertyValue("organizer"))).toMatch(/^mailto:/);
    expect(String(cancelled.vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe(
      `mailto:${applicant.email.toLowerCase()}`,
    );
  });

  it("whose .ics never went out gets no cancellation email", async () => {
    const { applicant, status } = await applicantWithInterview({
      id: "cook-im",
      program: "Cook County Internal Medicine",
      startsAt: "2026-12-10T10:00:00-06:00",
    });
    expect(status).toBe(202);
    const cancel = {
      ...milestoneUpdate(applicant, []),
      interviews: [{ id: "cook-im", status: "cancelled" }],
    };
    expect((await postWebhook(cancel)).status).toBe(202);
    await drainStream();
    await clockTo("2026-12-11T00:00:00Z");
    const emails = await emailsTo(applicant.email);
    expect(emails.flatMap(attachmentsOf)).toEqual([]);
    expect(emails.map((email) => email.subject).join("\n")).not.toContain("Cook County");
  });
});
