import fc from "fast-check";
import { DateTime, FixedOffsetZone } from "luxon";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { WhatIfChangeSchema } from "#domain/console/what-if.ts";
import { fieldProblems } from "#domain/field-problems.ts";
import { startsAtOffsetMismatch } from "#domain/interview-offset.ts";
import { SubmissionSchema } from "#domain/snapshot.ts";

const interview = { program: "Rush IM", timezone: "America/Chicago", format: "virtual" } as const;

function problemsOf(schema: z.core.$ZodType, value: unknown) {
  const result = z.safeParse(schema, value);
  return result.success ? [] : fieldProblems(result.error);
}

describe("an interview's startsAt offset against its time zone", () => {
  it("refuses -05:00 for America/Chicago on 12 Nov 2026 (it is -06:00 then), saying both offsets", () => {
    expect(startsAtOffsetMismatch("2026-11-12T10:00:00-05:00", "America/Chicago")).toBe(
      "2026-11-12T10:00:00-05:00 is -05:00 but America/Chicago is -06:00 on 12 Nov 2026: " +
        "give the start with America/Chicago's offset, or correct the interview's time zone",
    );
    expect(startsAtOffsetMismatch("2026-11-12T10:00:00-06:00", "America/Chicago")).toBeUndefined();
  });

  it("follows daylight saving time: -05:00 is right for Chicago in October, -06:00 is not", () => {
    expect(startsAtOffsetMismatch("2026-10-12T10:00:00-05:00", "America/Chicago")).toBeUndefined();
    expect(startsAtOffsetMismatch("2026-10-12T10:00:00-06:00", "America/Chicago")).toContain(
      "America/Chicago is -05:00 on 12 Oct 2026",
    );
  });

  it("accepts both readings of a fall-back hour and refuses a time the clocks skip", () => {
    expect(startsAtOffsetMismatch("2026-11-01T01:30:00-05:00", "America/Chicago")).toBeUndefined();
    expect(startsAtOffsetMismatch("2026-11-01T01:30:00-06:00", "America/Chicago")).toBeUndefined();
    expect(startsAtOffsetMismatch("2026-03-08T02:30:00-06:00", "America/Chicago")).toContain(
      "is -06:00 but America/Chicago is -05:00 on 8 Mar 2026",
    );
  });

  it('accepts "Z" (an instant in UTC, no claim about local time) but not a wrong +00:00', () => {
    expect(startsAtOffsetMismatch("2026-11-12T16:00:00Z", "America/Chicago")).toBeUndefined();
    expect(startsAtOffsetMismatch("2026-11-12T16:00:00+00:00", "America/Chicago")).toContain("is +00:00");
    expect(startsAtOffsetMismatch("2026-12-11T20:00:00+00:00", "Europe/London")).toBeUndefined();
    expect(startsAtOffsetMismatch("2026-12-11T20:00:00+05:45", "Asia/Kathmandu")).toBeUndefined();
  });

  it("names interviews.N.startsAt in a snapshot, a milestone.update and the console's what-if", () => {
    const snapshot = {
      type: "applicant.snapshot",
      submissionId: "s-1",
      applicant: {
        externalId: "ada",
        email: "ada@example.com",
        fullName: "Ada Okafor",
        timezone: "Africa/Lagos",
        matchYear: 2027,
        specialties: ["Internal Medicine"],
        visa: "J-1",
        graduation: "2024-06-30",
        medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
        programsPlanned: 80,
      },
      interviews: [
        { ...interview, startsAt: "2026-11-12T10:00:00-06:00" },
        { ...interview, startsAt: "2026-11-13T10:00:00-05:00" },
      ],
    };
    expect(problemsOf(SubmissionSchema, snapshot).map((problem) => problem.path)).toEqual([
      "interviews.1.startsAt",
    ]);
    const update = {
      type: "milestone.update",
      submissionId: "s-2",
      applicant: { externalId: "ada" },
      interviews: [{ ...interview, id: "rush", startsAt: "2026-11-12T10:00:00-05:00" }],
    };
    expect(problemsOf(SubmissionSchema, update).map((problem) => problem.path)).toEqual([
      "interviews.0.startsAt",
    ]);
    const whatIf = [{ kind: "interview", ...interview, startsAt: "2026-11-12T10:00:00-05:00" }];
    expect(problemsOf(z.array(WhatIfChangeSchema), whatIf).map((problem) => problem.path)).toEqual([
      "0.startsAt",
    ]);
  });

  it("accepts every instant written with its zone's own offset and refuses any other non-zero offset", () => {
    const zones = [
      "America/Chicago",
      "Europe/London",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "America/St_Johns",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2029, 0, 1) / 60_000 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (zone, minute, quarters) => {
          const there = DateTime.fromMillis(minute * 60_000, { zone });
          const own = there.toISO({ suppressMilliseconds: true }) ?? "";
          expect(startsAtOffsetMismatch(own, zone)).toBeUndefined();
          const other = there.setZone(FixedOffsetZone.instance(quarters * 15));
          if (quarters === 0 || other.offset === there.offset) return;
          const written = other.toISO({ suppressMilliseconds: true }) ?? "";
          expect(startsAtOffsetMismatch(written, zone)).toContain(`but ${zone} is ${there.toFormat("ZZ")}`);
        },
      ),
    );
  });
});
