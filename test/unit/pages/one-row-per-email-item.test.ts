import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "#test/unit/domain/factories.ts";
import { runPlanCli } from "../../../shared/cli/plan.ts";

// The timeline's "Your next emails" and the CLI's reminder list showed two
// rows for one email item: an out-of-reach notice and the WDOMS check's own rung, due in one email
// (Manila, the school's sponsor note unknown, Step 2 CK not started, after the 2027 rank
// order list deadline). The email says one item per step (oneReminderPerStep: while the note is
// unknown the check's own rung speaks, the notice's words after it); the views list what the email says.
const input = inputFactory({
  applicant: applicantFactory({
    timezone: "Asia/Manila",
    matchYear: 2027,
    graduation: "2022-11-15",
    medicalSchool: { name: "Cebu Institute of Medicine", country: "PH", wdomsSponsorNote: null },
  }),
  milestones: [
    // No step that proves the sponsor note (an ECFMG application, a USMLE pass, a Pathway or
    // an ERAS token done would open the gate), so the school check still holds the plan.
    ...doneMilestones(["wdoms_listing", "oet_medicine"], "2025-01-10"),
    milestoneFactory("usmle_step2ck", "not_started"),
  ],
});
const NOW = "2027-03-15T15:00:00Z";
const result: Plan = plan(input, seasonCalendar(2027), new Date(NOW));
const coming = result.reminders
  .filter((reminder) => Date.parse(reminder.sendAt) > Date.parse(NOW))
  .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt));
/** The first email that carries two reminders of one step. */
const shared: Reminder[] =
  groupIntoEmails(coming).find((email) => new Set(email.map((each) => each.milestone)).size < email.length) ??
  [];

describe("one row per email item, in the timeline and the CLI", () => {
  it("has an email with two reminders of one step (the case holds)", () => {
    expect(shared.map((each) => each.milestone)).toEqual(["wdoms_listing", "wdoms_listing"]);
  });

  const email = renderReminderEmail({
    recipientName: "Maria",
    reminders: shared,
    plan: result,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
  const items = email.text.match(/^\d+\. /gm) ?? [];

  it("the email gives that step one item", () => {
    expect(items).toHaveLength(1);
  });

  it("the timeline lists that email with one row, the item the email gives", () => {
    const html =
      timelinePage({
        firstName: "Maria",
        timezone: "Asia/Manila",
        plan: result,
        links: applicantLinks({
          baseUrl: "https://api.example.org",
          keyring: parseKeyring(`k1=${"s".repeat(40)}`),
          applicantId: "a_maria",
          feedGeneration: 0,
          now: new Date(NOW),
        }),
        comingReminders: coming,
      }).body ?? "";
    const section = /<section aria-labelledby="emails">[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    const notice = shared.find((each) => each.rung === "match-year-out-of-reach");
    const rung = shared.find((each) => each.rung !== "match-year-out-of-reach");
    const html_ = (text: string | undefined) => (text ?? "missing").replaceAll("'", "&#39;");
    // The shared email is the first one coming: its row, up to the next email's.
    const row = section.split("<li><strong>")[1] ?? "";
    expect(row).toContain(html_(rung?.title));
    expect(row).not.toContain(html_(notice?.title));
    expect(section).not.toContain("one email about 2 reminders");
  });

  function cli(...flags: string[]): string {
    let out = "";
    const snapshot = { type: "applicant.snapshot", submissionId: "adv45-views", ...input };
    const code = runPlanCli(["maria.json", "--now", NOW, ...flags], {
      readFile: () => JSON.stringify(snapshot),
      now: () => new Date(NOW),
      out: (text) => {
        out += text;
      },
      err: () => {},
    });
    expect(code).toBe(0);
    return out;
  }

  it("the CLI lists that email's step once", () => {
    const slot = shared[0]?.sendAtLocal ?? "missing";
    const rows = cli()
      .split("\n")
      .filter((line) => line.trimStart().startsWith(slot));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("(+match-year-out-of-reach)");
  });

  // --json listed that one email item as two reminder rows.
  it("the CLI's --json lists that email's step once too, with the reminder it stands for", () => {
    const json = JSON.parse(cli("--json")) as {
      reminders: (Reminder & { alsoFor?: Reminder[] })[];
    };
    const slot = shared[0]?.sendAt ?? "missing";
    const rows = json.reminders.filter((reminder) => reminder.sendAt === slot);
    expect(rows.map((row) => row.rung)).toEqual(
      shared.filter((each) => each.rung !== "match-year-out-of-reach").map((each) => each.rung),
    );
    expect(rows[0]?.alsoFor?.map((other) => other.id)).toEqual(
      shared.filter((each) => each.rung === "match-year-out-of-reach").map((each) => each.id),
    );
  });
});
