import { beforeEach, describe, expect, inject, it } from "vitest";
import { milestoneUpdate, STEP2_FIRST_REMINDER_AT, step2Applicant } from "./support/applicants.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  header,
  itemsMentioning,
  onlyOne,
  postWebhook,
  storedPlan,
} from "./support/local-stack.ts";

/**
 * The whole chain over real HTTP against the local stack (DynamoDB Local with its stream, the SES
 * emulator, the PutEvents endpoint, the cloud handlers): signed intake → stored → stream → planner
 * → plan and wake-up → clock → reminder → SES. The applicant's only open milestone before autumn is
 * USMLE Step 2 CK on 20 Aug 2026, so its reminders are 6, 17 and 19 August at 09:00 IST.
 */

describe("the pipeline on the local stack", () => {
  beforeEach(async () => {
    // Every test starts early in the 2027 season; the clock is shared, so each sets it first.
    await clockTo("2026-06-01T00:00:00Z");
  });

  it("signed intake → plan stored → wake-up armed → one email with both parts and the unsubscribe headers", async () => {
    const applicant = step2Applicant();

    const reply = await postWebhook(applicant.snapshot);

    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ applicantId: applicant.applicantId, outcome: "created" });
    await drainStream();
    const stored = await storedPlan(applicant.applicantId);
    expect(stored?.summary?.wakeUpAt).toBe(STEP2_FIRST_REMINDER_AT);
    // The ladder counts down to the exam day the applicant booked; the deadline beside it keeps one rung.
    const step2 = stored?.plan?.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck") ?? [];
    expect(step2.filter((r) => r.deadlineDetail.status === "applicant").map((r) => r.rung)).toEqual([
      "due-in-14d",
      "due-in-3d",
      "due-in-1d",
    ]);
    expect(step2.filter((r) => r.deadlineDetail.status !== "applicant")).toHaveLength(1);

    // Armed, not yet due: half an hour before, nothing fires for this applicant.
    const early = await clockTo("2026-08-06T03:00:00Z");
    expect(early.woken.filter((wake) => wake.applicantId === applicant.applicantId)).toEqual([]);
    expect(await emailsTo(applicant.email)).toHaveLength(0);

    const due = await clockTo("2026-08-07T00:00:00Z");

    const woken = due.woken.filter((wake) => wake.applicantId === applicant.applicantId);
    expect(woken).toEqual([expect.objectContaining({ at: STEP2_FIRST_REMINDER_AT })]);
    expect(woken[0]?.error).toBeUndefined();
    // The reminder function's own account of the wake-up (a "nothing-due" here means it postponed).
    expect(woken[0]).toMatchObject({ outcome: "sent", nextWakeUpAt: "2026-08-17T03:30:00.000Z" });
    const email = onlyOne(await emailsTo(applicant.email));
    expect(email.subject).toMatch(/Step 2/);
    expect(email.body.text).toMatch(/Priya Raman/);
    expect(email.body.html).toMatch(/<html|<p|<table/i);
    expect(header(email, "List-Unsubscribe")).toMatch(
      new RegExp(`^<${inject("apiUrl").replaceAll(".", "\\.")}/unsubscribe\\?token=[^>]+>$`),
    );
    expect(header(email, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // The ledger records the SES message id, and the domain events went out on the bus.
    const state = await applicantState(applicant.applicantId);
    const sent = state?.ledger.filter((entry) => entry.status === "sent") ?? [];
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((entry) => entry.messageId))).toEqual(new Set([email.messageId]));
    const events = await publishedEventsFor(applicant.applicantId);
    expect(events).toEqual(expect.arrayContaining(["PlanChanged", "ReminderSent"]));
  });

  it("the same webhook delivered twice → one applicant, one email", async () => {
    const applicant = step2Applicant();
    const webhookId = `msg_retry_${applicant.externalId}`;

    const first = await postWebhook(applicant.snapshot, { webhookId });
    const retry = await postWebhook(applicant.snapshot, { webhookId });

    expect(first).toMatchObject({
      status: 202,
      body: { applicantId: applicant.applicantId, outcome: "created" },
    });
    expect(retry).toMatchObject({
      status: 202,
      body: { applicantId: applicant.applicantId, outcome: "duplicate" },
    });
    await drainStream();
    const profiles = (await itemsMentioning(applicant.externalId)).filter((item) => item.sk === "PROFILE");
    expect(profiles).toHaveLength(1);

    await clockTo("2026-08-07T00:00:00Z");
    expect(await emailsTo(applicant.email)).toHaveLength(1);
    // Firing again at the same instant (a duplicate Scheduler delivery) sends nothing more.
    await clockTo("2026-08-07T00:00:00Z");
    expect(await emailsTo(applicant.email)).toHaveLength(1);
  });

  it("a milestone completed before its reminders → never reminded (while an applicant who did not is)", async () => {
    const applicant = step2Applicant();
    const control = step2Applicant();
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    expect((await postWebhook(control.snapshot)).status).toBe(202);
    await drainStream();
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toBe(STEP2_FIRST_REMINDER_AT);

    await clockTo("2026-07-20T00:00:00Z");
    const update = await postWebhook(
      milestoneUpdate(applicant, [{ key: "usmle_step2ck", status: "done", date: "2026-07-18" }]),
    );
    expect(update).toMatchObject({ status: 202, body: { applicantId: applicant.applicantId } });
    await drainStream();

    const plan = await storedPlan(applicant.applicantId);
    expect(plan?.plan?.reminders.filter((reminder) => reminder.milestone === "usmle_step2ck")).toEqual([]);
    // Past the first reminder time: the control hears about Step 2 CK, the applicant who passed does not.
    await clockTo("2026-08-07T00:00:00Z");
    expect(onlyOne(await emailsTo(control.email)).subject).toMatch(/Step 2/);
    // Step 2 CK done leaves nothing holding the certificate back, so the plan asks whether ECFMG has
    // issued it; never a word more about Step 2 CK.
    const emails = await emailsTo(applicant.email);
    expect(emails.filter((email) => /Step 2/.test(email.subject))).toEqual([]);
    expect(emails.every((email) => email.subject.includes("has ECFMG issued it?"))).toBe(true);
  });

  it("a deadline moved (the exam rescheduled) → the reminders follow the new date", async () => {
    const applicant = step2Applicant();
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();

    const update = await postWebhook(
      milestoneUpdate(applicant, [{ key: "usmle_step2ck", status: "scheduled", date: "2026-09-10" }]),
    );
    expect(update.status).toBe(202);
    await drainStream();
    // 14 days before 10 September, 09:00 IST.
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toBe("2026-08-27T03:30:00.000Z");

    const oldDate = await clockTo("2026-08-07T00:00:00Z");
    expect(oldDate.woken.filter((wake) => wake.applicantId === applicant.applicantId)).toEqual([]);
    expect(await emailsTo(applicant.email)).toHaveLength(0);

    const newDate = await clockTo("2026-08-28T00:00:00Z");
    expect(newDate.woken.filter((wake) => wake.applicantId === applicant.applicantId)).toEqual([
      expect.objectContaining({ at: "2026-08-27T03:30:00.000Z", outcome: "sent" }),
    ]);
    expect(onlyOne(await emailsTo(applicant.email)).subject).toMatch(/10 Sep/);
  });

  it("one-click unsubscribe (RFC 8058) → no further mail", async () => {
    const applicant = step2Applicant();
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    await clockTo("2026-08-07T00:00:00Z");
    const first = onlyOne(await emailsTo(applicant.email));
    const link = /^<(.+)>$/.exec(header(first, "List-Unsubscribe") ?? "")?.[1] ?? "";
    expect(link).toMatch(/\/unsubscribe\?token=/);

    // What a mail client sends for one-click: a form POST to the header's URL.
    const response = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });

    expect(response.status).toBeLessThan(300);
    expect((await applicantState(applicant.applicantId))?.profile.unsubscribedAt).toBeDefined();
    // The 3-day and 1-day reminders fall due, and none is sent.
    await clockTo("2026-08-21T00:00:00Z");
    expect(await emailsTo(applicant.email)).toHaveLength(1);
  });
});

async function publishedEventsFor(applicantId: string): Promise<string[]> {
  const response = await fetch(`${inject("apiUrl")}/local/events`);
  const { events } = (await response.json()) as {
    events: { "detail-type": string; detail: { applicantId?: string } }[];
  };
  return events
    .filter((event) => event.detail.applicantId === applicantId)
    .map((event) => event["detail-type"]);
}
