import type { Applicant, Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import type { ApplicantItems } from "./applicant-repository.ts";
import { interviewIdFor, keys, normalizeEmail, type TableKey } from "./keys.ts";
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
 * The Put of one milestone or interview item, or undefined when the stored item holds the same
 * content already: an unchanged item is not written, so it produces no stream record.
 */
export function milestoneWrite(
  tableName: string,
  applicantId: string,
  milestone: MilestoneEntry,
  current: ApplicantItems,
  now: string,
): TransactItem | undefined {
  return childWrite(tableName, applicantId, now, {
    key: keys.milestone(applicantId, milestone.key),
    entity: "milestone",
    content: withoutUndefined(milestone),
    stored: current.milestones.get(milestone.key)?.milestone,
  });
}

/** As milestoneWrite, for an interview already given its id (interviewWithId). */
export function interviewWrite(
  tableName: string,
  applicantId: string,
  interview: Interview & { id: string },
  current: ApplicantItems,
  now: string,
): TransactItem | undefined {
  return childWrite(tableName, applicantId, now, {
    key: keys.interview(applicantId, interview.id),
    entity: "interview",
    content: withoutUndefined(interview),
    stored: current.interviews.get(interview.id)?.interview,
  });
}

function childWrite(
  tableName: string,
  applicantId: string,
  now: string,
  item: { key: TableKey; entity: "milestone" | "interview"; content: object; stored: unknown },
): TransactItem | undefined {
  if (sameContent(item.stored, item.content)) return undefined;
  return {
    Put: {
      TableName: tableName,
      Item: { ...item.key, entity: item.entity, applicantId, [item.entity]: item.content, updatedAt: now },
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
