import { DateTime, IANAZone } from "luxon";
import { type InstantParts, localToInstant, readInstantParts } from "#intake/answers/instant.ts";
import { isoInstant } from "#intake/answers/text-readers.ts";
import type { MappingNote } from "./mapper.ts";
import type { MappingProblem } from "./problems.ts";

/**
 * Turns each interview's start, given whole or in parts (`startsAt.date`, `.time`, `.zone`), into one
 * instant with its offset. What a whole answer carries wins over parts (a Jotform Appointment's own
 * zone decides its instant); a zone default may be a name, "applicant" (applicant.timezone) or
 * "interview" (the interview's own timezone). An interview with no timezone takes the start's zone.
 * The instant is then written with the interview's own zone's offset (same instant): the snapshot
 * refuses a start whose offset is not its zone's (interview-offset.ts), and a form's answer states
 * the instant through its own zone or offset, not the program's.
 */
export function composeStarts(
  values: Map<string, unknown>,
  fedBy: Map<string, string>,
  mappedFrom: ReadonlyMap<string, string>,
  problems: MappingProblem[],
  title: string,
  notes: MappingNote[],
): void {
  const indexes = new Set<string>();
  for (const path of values.keys()) {
    const match = /^interviews\.(\d+)\.startsAt(\.|$)/.exec(path);
    if (match?.[1] !== undefined) indexes.add(match[1]);
  }
  for (const index of indexes) {
    const at = `interviews.${index}.startsAt`;
    const whole = values.get(at);
    const parts: InstantParts =
      typeof whole === "object" && whole !== null ? { ...(whole as InstantParts) } : {};
    let source = fedBy.get(at);
    if (typeof whole === "string") {
      const readWhole = readInstantParts(whole);
      if (!readWhole.ok) continue; // the schema names it with its own message
      Object.assign(parts, readWhole.value);
    }
    for (const part of ["date", "time", "zone"] as const) {
      const value = values.get(`${at}.${part}`);
      if (parts[part] === undefined && typeof value === "string") {
        parts[part] = value;
        source ??= fedBy.get(`${at}.${part}`);
      }
      values.delete(`${at}.${part}`);
    }
    const field = source;
    const report = (message: string) => {
      problems.push(
        field === undefined
          ? { path: at, message }
          : { path: at, field, message: `${title} field "${field}": ${message}` },
      );
      values.delete(at);
    };
    if (values.get(`interviews.${index}.status`) === "cancelled") {
      values.delete(at);
      continue;
    }
    if (parts.instant !== undefined) {
      values.set(at, inInterviewZone(values, index, parts.instant));
      continue;
    }
    if (parts.date === undefined || parts.time === undefined) {
      if (problems.some((problem) => problem.path.startsWith(at))) {
        values.delete(at);
        continue;
      }
      const part = parts.date === undefined ? "date" : "time";
      const unanswered = mappedFrom.get(`${at}.${part}`) ?? mappedFrom.get(at);
      if (unanswered !== undefined) {
        // The mapping is right (checked at load); the person left the question empty.
        problems.push({
          path: `${at}.${part}`,
          field: unanswered,
          message: `${title} field "${unanswered}" was not answered, and the interview's start needs its ${part}`,
        });
        values.delete(at);
        continue;
      }
      report(
        parts.date === undefined
          ? "the interview's start has no date"
          : `the interview's start has a date (${parts.date}) but no time; map a time to ${at}.time`,
      );
      continue;
    }
    let zone = parts.zone;
    if (zone === "applicant") zone = stringAt(values, "applicant.timezone");
    else if (zone === "interview") zone = stringAt(values, `interviews.${index}.timezone`);
    if (zone === undefined) {
      report(
        `${parts.date} ${parts.time} names no zone; map the form's zone question to ${at}.zone or set its default ("applicant", "interview" or a zone name)`,
      );
      continue;
    }
    const resolved = localToInstant(parts.date, parts.time, zone);
    if (!resolved.ok) {
      report(resolved.message);
      continue;
    }
    values.set(at, inInterviewZone(values, index, resolved.value));
    if (resolved.rule === "earlier-of-two") {
      notes.push({
        path: at,
        message: `${parts.date} ${parts.time} happens twice in ${zone} (the clocks go back); the earlier of the two instants, ${resolved.value}, was chosen`,
      });
    }
    if (values.get(`interviews.${index}.timezone`) === undefined)
      values.set(`interviews.${index}.timezone`, zone);
  }
}

/** The instant written with the offset of the interview's timezone at that instant, when it names a zone. */
function inInterviewZone(values: ReadonlyMap<string, unknown>, index: string, instant: string): string {
  const zone = stringAt(values, `interviews.${index}.timezone`);
  if (zone === undefined || !IANAZone.isValidZone(zone)) return instant;
  const there = DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  return there.isValid ? isoInstant(there) : instant;
}

function stringAt(values: ReadonlyMap<string, unknown>, path: string): string | undefined {
  const value = values.get(path);
  return typeof value === "string" ? value : undefined;
}
