import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import type { ApplicantItems } from "./applicant-repository.ts";
import { sameContent } from "./intake-writes.ts";
import { keys, SK } from "./keys.ts";
import { type Item, type TransactItem, withoutUndefined } from "./table.ts";

/** A milestone (by key) or interview (by id) to store; `formEntry`: milestone-merge.ts (else the stored one). */
export type Child =
  | { kind: "milestone"; id: string; content: MilestoneEntry; formEntry?: MilestoneEntry }
  | { kind: "interview"; id: string; content: Interview };

/** Where a child item of the applicant lives and what it holds, per kind. */
const CHILDREN = {
  milestone: {
    key: (applicantId: string, id: string) => keys.milestone(applicantId, id),
    item: (current: ApplicantItems, id: string) => current.milestones.get(id),
  },
  interview: {
    key: (applicantId: string, id: string) => keys.interview(applicantId, id),
    item: (current: ApplicantItems, id: string) => current.interviews.get(id),
  },
} as const;

/**
 * The Put of one milestone (by its key) or interview (by its id, see interviewWithId), or
 * undefined when the stored item holds the same content already: an unchanged item is not
 * written, so it produces no stream record.
 *
 * The Put is conditioned on the item as it was read (its `version`, a counter every write
 * increments; absent on items written before it existed and on items not yet written), so a
 * concurrent change this write did not see cancels the transaction instead of being overwritten
 * (else a Done and a Snooze tapped at once both answer "Recorded" and one is lost). `updatedAt` is no
 * guard: two writes may carry the same instant (a frozen local clock, the same millisecond).
 */
export function childWrite(
  tableName: string,
  applicantId: string,
  child: Child,
  current: ApplicantItems,
  now: string,
): TransactItem | undefined {
  const { key, item } = CHILDREN[child.kind];
  const stored = item(current, child.id);
  const content = withoutUndefined(child.content);
  const formEntry = child.kind === "milestone" ? (child.formEntry ?? stored?.formEntry) : undefined;
  if (sameContent(stored?.[child.kind], content) && sameContent(stored?.formEntry, formEntry))
    return undefined;
  const version = typeof stored?.version === "number" ? stored.version : undefined;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...key(applicantId, child.id),
        entity: child.kind,
        applicantId,
        [child.kind]: content,
        ...(formEntry === undefined ? {} : { formEntry }),
        updatedAt: now,
        version: (version ?? 0) + 1,
      },
      ...asRead(stored, version),
    },
  };
}

/**
 * A milestone the caller decided on without writing it (IntakeSource.decidedOn: Match Week's
 * answer beside a SOAP tap), checked in the same transaction at the version read: "Matched" and
 * "I'm in SOAP" tapped at the same moment cannot both land, as they cannot one after the other.
 */
export function milestoneAsRead(
  tableName: string,
  applicantId: string,
  key: string,
  current: ApplicantItems,
): TransactItem {
  const stored = current.milestones.get(key);
  const version = typeof stored?.version === "number" ? stored.version : undefined;
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: keys.milestone(applicantId, key),
      ...asRead(stored, version),
    },
  };
}

/** The condition that a child item is still as it was read: absent, or at its `version`. */
function asRead(stored: Item | undefined, version: number | undefined) {
  if (stored === undefined) return { ConditionExpression: "attribute_not_exists(pk)" };
  return version === undefined
    ? {
        ConditionExpression: "attribute_not_exists(#version)",
        ExpressionAttributeNames: { "#version": "version" },
      }
    : {
        ConditionExpression: "#version = :version",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: { ":version": version },
      };
}

/**
 * True for a write childWrite or milestoneAsRead built: the actions whose failed condition means
 * "changed meanwhile".
 */
export function isChildWrite(write: TransactItem | undefined): boolean {
  if (write?.ConditionCheck !== undefined)
    return String(write.ConditionCheck.Key?.sk).startsWith(SK.milestonePrefix);
  const entity = write?.Put?.Item?.entity;
  return entity === "milestone" || entity === "interview";
}

/** The Deletes of an applicant's stored children of one kind that a snapshot no longer lists and `drops`. */
export function unlistedDeletes(
  tableName: string,
  applicantId: string,
  kind: "milestone" | "interview",
  stored: ReadonlyMap<string, Item>,
  listed: ReadonlySet<string>,
  drops: (item: Item) => boolean = () => true,
): TransactItem[] {
  return [...stored]
    .filter(([id, item]) => !listed.has(id) && drops(item))
    .map(([id]) => id)
    .map((id) => ({ Delete: { TableName: tableName, Key: CHILDREN[kind].key(applicantId, id) } }));
}
