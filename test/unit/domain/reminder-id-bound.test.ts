import { describe, expect, it } from "vitest";
import { reminderId } from "#domain/planner/reminder-id.ts";

/**
 * Reminder ids are memoised by deadline, subject and rung, bounded by the subjects held across
 * deadlines (reminder-id.ts): many applicants' interviews share one start instant, so the bound is
 * on subjects, and passing it clears the memo. A clear must change no id.
 */
describe("reminderId past its memo's bound", () => {
  it("gives every subject the id it had before the memo was cleared", () => {
    const deadline = Date.parse("2027-01-12T15:00:00Z");
    const first = reminderId("interview", "iv-first", "interview-prep-1d", deadline);
    const season = reminderId("eras_application", undefined, "deadline-in-14d", deadline);
    for (let index = 0; index < 25_000; index++)
      reminderId("interview", `iv-${index}`, "interview-prep-1d", deadline);
    expect(reminderId("interview", "iv-first", "interview-prep-1d", deadline)).toBe(first);
    expect(reminderId("eras_application", undefined, "deadline-in-14d", deadline)).toBe(season);
    expect(reminderId("interview", "iv-7", "interview-prep-1d", deadline)).not.toBe(first);
  });
});
