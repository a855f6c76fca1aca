import fc from "fast-check";
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { IsoDateSchema, SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import { localToInstant, readDate, readInstantParts, readTime, readZone } from "#intake/answers/instant.ts";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import type { AnswerValue, ParsedForm } from "#intake/providers/common.ts";
import { JOTFORM_RECORD_ANSWERS } from "#intake/providers/jotform/answers.ts";
import { exampleMapping } from "./providers/support.ts";

/**
 * Properties of the date, time and zone transforms and of the interview mappings: nothing throws but
 * a named InvalidInputError, everything accepted is canonical, and a wall-clock time is never moved
 * silently (the instant shows the same wall clock in its zone, or is refused as a DST gap).
 * FUZZ_RUNS=10000 for a full run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Sao_Paulo",
  "Europe/London",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/St_Johns",
  "GMT",
  "EST5EDT",
  "UTC",
];

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "2026-12-11",
    "12/11/2026",
    "8:00 PM",
    "24:00",
    "2026-12-11 20:00",
    "GMT",
    "Asia/Calcutta (GMT+05:30)",
  ),
);
const record = fc.dictionary(
  fc.constantFrom(
    "month",
    "day",
    "year",
    "hour",
    "min",
    "ampm",
    "timeInput",
    "hourSelect",
    "minuteSelect",
    "date",
    "timezone",
    "implementation",
    "__proto__",
  ),
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 3000 }).map(String),
    fc.constantFrom("June", "PM", "2026-12-11 20:00"),
  ),
);
const answer: fc.Arbitrary<string | number | boolean | Record<string, string>> = fc.oneof(
  text,
  record,
  fc.integer(),
  fc.boolean(),
);
const locale = fc.constantFrom(undefined, "en-US", "en-GB", "de-DE", "fr-FR", "ja-JP");

describe("fuzzing the date, time and zone transforms", () => {
  it("readDate, readTime, readZone and readInstantParts never throw, and what they accept is canonical", () => {
    fc.assert(
      fc.property(answer, locale, (value, loc) => {
        const options = loc === undefined ? {} : { locale: loc };
        const date = readDate(value, options, JOTFORM_RECORD_ANSWERS);
        if (date.ok) expect(IsoDateSchema.safeParse(date.value).success).toBe(true);
        const time = readTime(value, options, JOTFORM_RECORD_ANSWERS);
        if (time.ok) expect(time.value).toMatch(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/);
        const zone = readZone(value);
        if (zone.ok) expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone.value })).not.toThrow();
        const parts = readInstantParts(value, options, JOTFORM_RECORD_ANSWERS);
        if (parts.ok && parts.value.date !== undefined) {
          expect(IsoDateSchema.safeParse(parts.value.date).success).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("localToInstant keeps the wall clock, refuses only real gaps, and marks overlaps", () => {
    const day = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...ZONES),
        (d, hour, minute, zone) => {
          const date = d.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const result = localToInstant(date, time, zone);
          if (!result.ok) {
            // A gap: no instant near that day shows this wall clock in the zone. Offsets change only on
            // UTC quarter hours (true of every zone since 2000), so 15-minute steps see every segment.
            const tz = IANAZone.create(zone);
            const wall = Date.parse(`${date}T${time}:00Z`);
            const quarter = 15 * 60_000;
            for (let at = wall - 15 * 3_600_000; at < wall + 15 * 3_600_000; at += quarter) {
              const shownFrom = at + tz.offset(at) * 60_000;
              expect(wall >= shownFrom && wall < shownFrom + quarter).toBe(false);
            }
            return;
          }
          const back = DateTime.fromISO(result.value, { setZone: true }).setZone(zone);
          expect(back.toISODate()).toBe(date);
          expect(back.toFormat("HH:mm")).toBe(time);
          if (result.rule === "earlier-of-two") {
            // The later reading exists too, and is later.
            const later = DateTime.fromISO(result.value).plus({ minutes: 30 }).setZone(zone);
            expect(later.toMillis()).toBeGreaterThan(DateTime.fromISO(result.value).toMillis());
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("fuzzing the interview mappings", () => {
  const names = [
    "jotform-interview-booking.json",
    "jotform-interview-report.json",
    "tally-interview-booking.json",
    "tally-interview-report.json",
    "typeform-interview-booking.json",
    "typeform-interview-report.json",
    "google-forms-interview-booking.json",
    "google-forms-interview-report.json",
  ];
  const mappings = names.map(exampleMapping);

  it("map to a valid submission or a named, located refusal; never anything else", () => {
    const plausible = fc.constantFrom<AnswerValue>(
      "IMG-1",
      "Cancelled",
      "Moved to a new time",
      "Invited / booked",
      "Virtual",
      "Central (Chicago)",
      "2026-11-01",
      "2027-03-14",
      "01:30",
      "02:30",
      "9:30 AM",
      "MERCY-1",
      "",
      { implementation: "new", date: "2027-03-14 02:30", duration: "60", timezone: "America/New_York" },
      { implementation: "new", date: "", duration: "60", timezone: "Europe/London" },
      { month: "November", day: "1", year: "2026" },
      { timeInput: "01:30", hourSelect: "01", minuteSelect: "30", ampm: "AM" },
    );
    const value = fc.oneof(
      plausible,
      fc.string({ maxLength: 20 }),
      fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      record,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...mappings),
        fc.array(value, { minLength: 12, maxLength: 12 }),
        (mapping, values) => {
          const answers = new Map<string, AnswerValue>();
          Object.keys(mapping.fields).forEach((key, index) => {
            const picked = values[index];
            if (picked !== undefined) answers.set(key, picked);
          });
          const form: ParsedForm = {
            provider: mapping.provider,
            formId: mapping.formId,
            submissionId: "fuzz-1",
            answers,
          };
          try {
            const submission = mapSubmission(mapping, form);
            expect(SubmissionSchema.safeParse(submission).success).toBe(true);
          } catch (error) {
            if (!(error instanceof InvalidInputError)) throw error;
            expect(error.problems.length).toBeGreaterThan(0);
            for (const problem of error.problems) expect(problem.path.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
