import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { forPeople } from "#email/for-people.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * A risk whose notice another notice carries after "Also:" (Reminder.folded) was said twice in one
 * email: in the item, then in full under "Risks to watch". It is named there by its notice's title,
 * "(see above)", keeping its sources (the item shows its own risk's). Rashid (Karachi, H-1B, Step 3
 * ahead) on Tue 2 Feb 2027: the visa-start notice rides Step 3's H-1B notice.
 */
const FILE = new URL("../../fixtures/folded-risk-once/h1b-step3-ahead-karachi.json", import.meta.url);
const rashid = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const planned = plan(rashid, seasonCalendar(2027), new Date("2027-02-02T05:00:00Z"));
const due = planned.reminders.filter((each) => each.sendAt === planned.reminders[0]?.sendAt);
const email = renderReminderEmail({
  recipientName: rashid.applicant.fullName,
  reminders: due,
  plan: planned,
  unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
});
const visa = planned.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const carried = due.flatMap((each) => each.folded ?? []).find((each) => each.risk === visa?.code);
/** A stretch of the visa risk's words past its opening, as the email writes them. */
const visaWords = forPeople(visa?.message ?? "").slice(40, 120);

describe("a risk carried after 'Also:' in the email", () => {
  it("is carried by Step 3's H-1B notice (the case under test)", () => {
    expect(carried?.title).toMatch(/^If you match with an H-1B program/);
    expect(visaWords.length).toBe(80);
  });

  it("plain text: its words once, named by its title under 'Risks to watch', with its sources", () => {
    const { text } = email;
    expect(text.split(visaWords).length - 1).toBe(1);
    const below = text.slice(text.indexOf("Risks to watch:"));
    const line = `- Critical: ${carried?.title} (see above)`;
    expect(below).toContain(line);
    expect(below.slice(below.indexOf(line)).split("\n")[1]).toMatch(/Sources: https:\/\/www\.fsmb\.org/);
  });

  it("HTML: its words once too", () => {
    const words = visaWords.slice(0, 40).replace(/[&<>"']/g, "");
    expect(email.html.split(words).length - 1).toBe(1);
  });
});
