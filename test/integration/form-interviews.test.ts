import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { signTally } from "#intake/providers/tally/tally.ts";
import { PRE_ERAS_KEYS } from "#test/unit/domain/factories.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
  stack,
  storedPlan,
  uniqueSuffix,
} from "./support/local-stack.ts";

/**
 * Interviews from real form answers, end to end on the local stack: a Jotform Appointment (the
 * derived fixture, mapped by shared/intake/providers/jotform/forms/jotform-interview-booking.json, authenticated by the
 * URL token as Jotform deliveries are) adds an interview to an existing applicant, the planner plans
 * it from the stream, and its preparation reminder reaches the SES inbox. Then a Tally "I got an
 * interview" form (signed as Tally signs) moves an interview by its id and cancels it: the reminders
 * move with it and stop with it.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), "utf8");

async function existingApplicant(): Promise<{ externalId: string; email: string; applicantId: string }> {
  const suffix = uniqueSuffix();
  const externalId = `iv-${suffix}`;
  const email = `iv.${suffix}@example.org`;
  const reply = await postWebhook({
    type: "applicant.snapshot",
    submissionId: `snap-${suffix}`,
    applicant: {
      externalId,
      email,
      fullName: "Chidi Eze",
      timezone: "Europe/London",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2024-06-30",
      medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 80,
    },
    // In reach of the 2027 Match, ERAS in (PRE_ERAS_KEYS) and registered with NRMP, as an applicant
    // with interviews is: a Match the plan has dropped gets no interview reminders.
    milestones: [...PRE_ERAS_KEYS, "nrmp_registration"].map((key) => ({
      key,
      status: "done" as const,
      date: "2026-09-10",
    })),
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(202);
  return { externalId, email, applicantId: String(reply.body.applicantId) };
}

function prepReminders(reminders: readonly Reminder[] | undefined, interviewId?: string): Reminder[] {
  return (reminders ?? []).filter(
    (reminder) =>
      reminder.milestone === "interview" &&
      reminder.rung.startsWith("interview-prep") &&
      (interviewId === undefined || reminder.interviewId === interviewId),
  );
}

describe("an interview booked with a Jotform Appointment", () => {
  it("adds the interview at the appointment's instant, and its preparation reminder reaches the inbox", async () => {
    await clockTo("2026-11-20T00:00:00Z");
    const { externalId, email, applicantId } = await existingApplicant();
    await drainStream();
    const body = fixture("jotform/interview-booking.derived.multipart")
      .replace("IMG-2027-0104", externalId)
      .replace("6390000000000000201", `63900${Date.now()}`)
      .replace(/\r?\n/g, "\r\n");

    const response = await fetch(`${stack.api()}/intake/jotform?token=${inject("formSecrets").jotform}`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=------------------------boundary" },
      body,
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ applicantId, outcome: "updated" });

    await drainStream();
    const state = await applicantState(applicantId);
    expect(state?.interviews).toEqual([
      expect.objectContaining({
        program: "Example University IM (Chicago)",
        startsAt: "2026-12-11T20:00:00+00:00",
        timezone: "Europe/London",
        format: "virtual",
      }),
    ]);
    const prep = prepReminders((await storedPlan(applicantId))?.plan?.reminders);
    expect(prep.length).toBeGreaterThan(0);
    const first = prep.map((reminder) => reminder.sendAt).sort()[0] as string;
    expect(first < "2026-12-11T20:00:00.000Z").toBe(true);

    await clockTo(first);
    const emails = await emailsTo(email);
    expect(
      emails.some((mail) =>
        mail.body.text?.includes("Prepare for your virtual interview with Example University IM (Chicago)"),
      ),
    ).toBe(true);
  });
});

describe("an 'I got an interview' Tally form", () => {
  async function postReport(externalId: string, reference: string, answers: Record<string, unknown>) {
    const event = JSON.parse(fixture("tally/interview-report.derived.json")) as {
      eventId: string;
      data: { responseId: string; fields: { label: string; value: unknown }[] };
    };
    const suffix = uniqueSuffix();
    event.eventId = `evt-${suffix}`;
    event.data.responseId = `rp-${suffix}`;
    for (const field of event.data.fields) {
      if (field.label === "Applicant ID") field.value = externalId;
      if (field.label === "Interview reference") field.value = reference;
      if (field.label in answers) field.value = answers[field.label];
    }
    const body = JSON.stringify(event);
    return fetch(`${stack.api()}/intake/tally`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "tally-signature": signTally(body, inject("formSecrets").tally),
      },
      body,
    });
  }

  it("reports, moves and cancels an interview by its reference; the reminders follow", async () => {
    await clockTo("2026-10-01T00:00:00Z");
    const { externalId, applicantId } = await existingApplicant();
    const reference = `MERCY-${uniqueSuffix()}`;
    const statusIds = JSON.parse(fixture("tally/interview-report.derived.json")).data.fields.find(
      (field: { label: string }) => field.label === "What happened?",
    ).options as { id: string; text: string }[];
    const idOf = (text: string) => statusIds.find((option) => option.text === text)?.id;

    expect((await postReport(externalId, reference, {})).status).toBe(202);
    await drainStream();
    const booked = prepReminders((await storedPlan(applicantId))?.plan?.reminders, reference);
    expect(booked.map((reminder) => reminder.deadline)).toContain("2026-11-02T14:00:00.000Z");

    const moved = await postReport(externalId, reference, {
      "What happened?": idOf("Moved to a new time"),
      Date: "2026-11-09",
    });
    expect(moved.status).toBe(202);
    await drainStream();
    const state = await applicantState(applicantId);
    expect(state?.interviews.map((interview) => [interview.id, interview.startsAt])).toEqual([
      [reference, "2026-11-09T09:00:00-05:00"],
    ]);
    const after = prepReminders((await storedPlan(applicantId))?.plan?.reminders, reference);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((reminder) => reminder.deadline === "2026-11-09T14:00:00.000Z")).toBe(true);

    const cancelled = await postReport(externalId, reference, {
      "What happened?": [idOf("Cancelled")],
      Date: "",
    });
    expect(cancelled.status).toBe(202);
    await drainStream();
    expect((await applicantState(applicantId))?.interviews).toEqual([]);
    expect(prepReminders((await storedPlan(applicantId))?.plan?.reminders, reference)).toEqual([]);
  });

  it("answers 422 naming the form field when it cancels an interview the applicant does not have", async () => {
    const { externalId } = await existingApplicant();
    const statusIds = JSON.parse(fixture("tally/interview-report.derived.json")).data.fields.find(
      (field: { label: string }) => field.label === "What happened?",
    ).options as { id: string; text: string }[];
    const cancelled = statusIds.find((option) => option.text === "Cancelled")?.id;
    const response = await postReport(externalId, "NOT-BOOKED", { "What happened?": [cancelled], Date: "" });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { errors: unknown }).errors).toEqual([
      {
        path: "interviews.0.id",
        field: "Interview reference",
        message: 'Tally field "Interview reference": the applicant has no interview NOT-BOOKED to cancel',
      },
    ]);
  });
});

describe("the webhook route, as the README says", () => {
  it("answers 400 naming interviews.N.id when an update cancels an interview the applicant does not have", async () => {
    const { externalId } = await existingApplicant();
    const reply = await postWebhook({
      type: "milestone.update",
      submissionId: `cancel-${uniqueSuffix()}`,
      applicant: { externalId },
      interviews: [{ id: "NOT-BOOKED", status: "cancelled" }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      { path: "interviews.0.id", message: "the applicant has no interview NOT-BOOKED to cancel" },
    ]);
  });
});
