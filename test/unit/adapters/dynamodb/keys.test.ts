import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_STATE_SORT_KEYS,
  applicantIdFor,
  interviewIdFor,
  keys,
  WAKE_UP_SHARDS,
  wakeUpDueBound,
  wakeUpGsiKeys,
  wakeUpShard,
} from "#adapters/dynamodb/keys.ts";

describe("applicantIdFor", () => {
  it("is deterministic, short and key-safe", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (externalId) => {
        const id = applicantIdFor(externalId);
        expect(id).toBe(applicantIdFor(externalId));
        expect(id).toMatch(/^a_[a-z2-7]{26}$/);
      }),
    );
  });

  it("ignores surrounding whitespace, as the snapshot schema trims the externalId", () => {
    expect(applicantIdFor("  crm-42 ")).toBe(applicantIdFor("crm-42"));
  });

  it("gives different operators' ids different applicants", () => {
    expect(applicantIdFor("crm-42")).not.toBe(applicantIdFor("crm-43"));
  });
});

describe("keys", () => {
  it("normalises email keys so lookups and suppression ignore case", () => {
    expect(keys.emailLookup(" Amaka@Example.ORG ")).toEqual({
      pk: "EMAIL#amaka@example.org",
      sk: "APPLICANT",
    });
    expect(keys.suppression("Amaka@Example.ORG")).toEqual({
      pk: "SUPPRESSION#amaka@example.org",
      sk: "SUPPRESSION",
    });
  });

  it("derives stable interview ids from program and start", () => {
    const id = interviewIdFor("Mercy IM", "2026-11-02T14:00:00-05:00");
    expect(id).toBe(interviewIdFor("Mercy IM", "2026-11-02T14:00:00-05:00"));
    expect(id).not.toBe(interviewIdFor("Mercy IM", "2026-11-03T14:00:00-05:00"));
    expect(id).toMatch(/^iv_[a-z2-7]{20}$/);
  });
});

describe("the wake-up index keys", () => {
  it("spreads applicants over all shards", () => {
    const shards = new Set(Array.from({ length: 2000 }, (_, i) => wakeUpShard(applicantIdFor(`ext-${i}`))));
    expect([...shards].sort((a, b) => a - b)).toEqual(Array.from({ length: WAKE_UP_SHARDS }, (_, i) => i));
  });

  it("sorts sort keys as instants, and the due bound includes exactly the instant itself", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (armed, now) => {
          const { gsi1sk } = wakeUpGsiKeys("local", applicantIdFor("x"), armed);
          expect(gsi1sk <= wakeUpDueBound(now)).toBe(armed.getTime() <= now.getTime());
        },
      ),
    );
  });

  it("keeps local wake-ups and plan wake-ups in separate partitions", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(wakeUpGsiKeys("local", "a_x", at).gsi1pk).toMatch(/^WAKEUP#\d+$/);
    expect(wakeUpGsiKeys("plan", "a_x", at).gsi1pk).toMatch(/^PLANWAKE#\d+$/);
  });
});

describe("APPLICANT_STATE_SORT_KEYS", () => {
  const inRange = (sk: string) => sk >= APPLICANT_STATE_SORT_KEYS.from && sk <= APPLICANT_STATE_SORT_KEYS.to;
  const id = applicantIdFor("crm-42");

  it("holds every kind of item an applicant's state is read from", () => {
    for (const key of [
      keys.profile(id),
      keys.plan(id),
      keys.milestone(id, "usmle_step1"),
      keys.milestone(id, "visa_j1_ds2019"),
      keys.interview(id, "i_zzzzzzzz"),
      keys.interview(id, "0"),
      keys.reminder(id, "r-0000000000000000"),
      keys.reminder(id, "escalation:2027:risk:SEASON_OVER"),
      keys.reminder(id, "resend:~~~"),
    ])
      expect(inRange(key.sk), key.sk).toBe(true);
  });

  it("leaves out the logs that only grow and the local wake-up", () => {
    for (const key of [
      keys.event(id, "2026-07-01T09:00:00.000Z", "e-1"),
      keys.intake(id, "2026-06-10T00:00:00.000Z", "webhook", "s-1"),
      keys.audit(id, "2026-08-01T00:00:00.000Z", "a-1"),
      keys.wakeUp(id),
    ])
      expect(inRange(key.sk), key.sk).toBe(false);
  });
});
