import type { Applicant, Interview, TrackChange } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import type { ApplicantItems } from "./applicant-repository.ts";
import { interviewIdFor, keys, normalizeEmail, PLAN_PLACEHOLDER_ENTITY } from "./keys.ts";
import { type DynamoTable, type Item, type TransactItem, withoutUndefined } from "./table.ts";

/** The profile when it changed, and the EMAIL# lookup moved when the address changed. */
export async function profileWrites(
  table: DynamoTable,
  applicantId: string,
  submitted: Applicant,
  current: ApplicantItems,
  now: string,
): Promise<TransactItem[]> {
  const writes: TransactItem[] = [];
  const applicant = withoutUndefined(submitted);
  const email = normalizeEmail(applicant.email);
  const oldEmail = typeof current.profile?.email === "string" ? current.profile.email : undefined;
  if (current.profile === undefined || !sameContent(current.profile.applicant, applicant)) {
    // UpdateItem rather than PutItem: createdAt and unsubscribedAt survive a re-snapshot.
    writes.push({
      Update: {
        TableName: table.name,
        Key: keys.profile(applicantId),
        UpdateExpression:
          "SET entity = :entity, applicantId = :id, email = :email, applicant = :applicant, " +
          "updatedAt = :now, createdAt = if_not_exists(createdAt, :now)",
        ExpressionAttributeValues: {
          ":entity": "profile",
          ":id": applicantId,
          ":email": email,
          ":applicant": applicant,
          ":now": now,
        },
      },
    });
  }
  if (current.profile === undefined && current.plan === undefined)
    writes.push(planPlaceholder(table.name, applicantId));
  if (oldEmail === email) return writes;
  // Last writer wins when two applicants share an address: the lookup names the latest one.
  writes.push({
    Put: {
      TableName: table.name,
      Item: { ...keys.emailLookup(email), entity: "email", applicantId, updatedAt: now },
    },
  });
  if (oldEmail !== undefined) {
    const oldLookup = await table.get(keys.emailLookup(oldEmail));
    if (oldLookup?.applicantId === applicantId) {
      // The condition keeps a concurrent re-assignment of the old address to someone else.
      writes.push({
        Delete: {
          TableName: table.name,
          Key: keys.emailLookup(oldEmail),
          ConditionExpression: "applicantId = :id",
          ExpressionAttributeValues: { ":id": applicantId },
        },
      });
    }
  }
  return writes;
}

/**
 * The empty PLAN item a new applicant gets in its intake transaction, so that even the first plan
 * is a single PutItem conditioned on the PLAN item existing (plan-repository.ts): billed once, not
 * twice as in a transaction with the profile check (about 8 write units of the plan's 7-8 KB). The
 * erase deletes it by key after the profile like a stored plan, so the guarantee is the same. It
 * has no plan (readers see no stored plan) and its own `entity`, so the sweeper's scan of plans
 * skips it. An UpdateItem, not a Put: racing a first plan, it never replaces the plan.
 */
function planPlaceholder(tableName: string, applicantId: string): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.plan(applicantId),
      UpdateExpression: "SET applicantId = :id, entity = if_not_exists(entity, :placeholder)",
      ExpressionAttributeValues: { ":id": applicantId, ":placeholder": PLAN_PLACEHOLDER_ENTITY },
    },
  };
}

/**
 * What a milestone.update does to the profile, last in its transaction: a ConditionCheck that the
 * applicant still exists (an erase may have deleted it meanwhile) or, when the update switches the
 * track to something new, the UpdateItem of visa and Match year under that same condition (one
 * transaction may not name the profile twice). Either way a failure of this action means "erased".
 */
export function profileGuard(
  tableName: string,
  applicantId: string,
  track: TrackChange | undefined,
  current: ApplicantItems,
  now: string,
): TransactItem {
  const stored = (current.profile?.applicant ?? {}) as Partial<Applicant>;
  const changed = Object.entries(withoutUndefined(track ?? {})).filter(
    ([field, value]) => stored[field as keyof TrackChange] !== value,
  );
  const Key = keys.profile(applicantId);
  const ConditionExpression = "attribute_exists(pk)";
  if (changed.length === 0) return { ConditionCheck: { TableName: tableName, Key, ConditionExpression } };
  return {
    Update: {
      TableName: tableName,
      Key,
      ConditionExpression,
      UpdateExpression: `SET ${changed.map(([field]) => `#applicant.#${field} = :${field}`).join(", ")}, updatedAt = :now`,
      ExpressionAttributeNames: {
        "#applicant": "applicant",
        ...Object.fromEntries(changed.map(([field]) => [`#${field}`, field])),
      },
      ExpressionAttributeValues: {
        ":now": now,
        ...Object.fromEntries(changed.map(([field, value]) => [`:${field}`, value])),
      },
    },
  };
}

/**
 * The interview with its id: the operator's, else the stored interview's with the same program and
 * start instant (sent before with another UTC offset), else one derived from program and startsAt.
 * The derivation hashes the startsAt text as stored ids were built; re-deriving it from the instant
 * would re-id every stored interview (and its reminders), so the instant is matched here instead.
 */
export function interviewWithId(
  interview: Interview,
  stored: ReadonlyMap<string, Item>,
): Interview & { id: string } {
  if (interview.id !== undefined) return { ...interview, id: interview.id };
  const program = interview.program.trim();
  const instant = Date.parse(interview.startsAt);
  for (const [id, item] of stored) {
    const known = item.interview as Interview | undefined;
    if (known !== undefined && known.program.trim() === program && Date.parse(known.startsAt) === instant) {
      return { ...interview, id };
    }
  }
  return { ...interview, id: interviewIdFor(interview.program, interview.startsAt) };
}

/**
 * A snapshot's interviews with their ids (see interviewWithId), where one listed without an
 * operator's id at a new start is a move when it is the only new one of its program and the
 * snapshot drops the only stored one of that program: it keeps the stored id, so its reminders,
 * its `.ics` attachment and its calendar event (UID from the id) follow it instead of a second
 * interview appearing beside a cancelled one. Two or more of a program
 * on either side stay as they were: which one moved would be a guess.
 */
export function snapshotInterviewsWithIds(
  interviews: readonly Interview[],
  stored: ReadonlyMap<string, Item>,
): (Interview & { id: string })[] {
  const withIds = interviews.map((interview) => interviewWithId(interview, stored));
  const listed = new Set(withIds.map((interview) => interview.id));
  const dropped = [...stored]
    .filter(([id]) => !listed.has(id))
    .map(([id, item]) => ({ id, program: (item.interview as Interview | undefined)?.program.trim() }));
  const added = withIds.filter(
    (interview, index) => interviews[index]?.id === undefined && !stored.has(interview.id),
  );
  const only = <T extends { program?: string }>(list: readonly T[], program: string) => {
    const matches = list.filter((entry) => entry.program?.trim() === program);
    return matches.length === 1 ? matches[0] : undefined;
  };
  return withIds.map((interview) => {
    const program = interview.program.trim();
    const movedFrom = only(added, program) === interview ? only(dropped, program) : undefined;
    return movedFrom === undefined ? interview : { ...interview, id: movedFrom.id };
  });
}

/** Structural equality independent of key order: decides whether an item's content changed. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Item)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * Refuses an interview listed twice under one stored id (an explicit id equal to another's derived
 * one; the contract already refuses the plain repeats): DynamoDB refuses a transaction that writes
 * one item twice, which would be a 500 retried for ever.
 */
export function onceEach(seen: Map<string, number>, id: string, index: number): void {
  const earlier = seen.get(id);
  if (earlier === undefined) {
    seen.set(id, index);
    return;
  }
  const message = (other: number) =>
    `interviews.${other} is stored under the same id ${id}; list each interview once`;
  throw new InvalidInputError("two interviews are one", [
    { path: `interviews.${earlier}.id`, message: message(index) },
    { path: `interviews.${index}.id`, message: message(earlier) },
  ]);
}
