import { TransientError } from "#errors";
import type { AdvisorDigestLog, DigestBaseline, LatestDigest } from "#ports/advisor-digests.ts";
import { normalizeEmail } from "./keys.ts";
import type { DynamoTable, TransactItem } from "./table.ts";
import { TTL_ATTRIBUTE } from "./table-design.ts";
import { cancelledCodes } from "./while-applicant-exists.ts";

/** How long a day's digest record is kept (DynamoDB TTL deletes it after): enough to answer "was it sent". */
export const DIGEST_DAY_RECORD_DAYS = 90;

const pk = (advisorEmail: string) => `DIGEST#${normalizeEmail(advisorEmail)}`;
const dayKey = (advisorEmail: string, day: string) => ({ pk: pk(advisorEmail), sk: `DAY#${day}` });
const latestKey = (advisorEmail: string) => ({ pk: pk(advisorEmail), sk: "LATEST" });

/**
 * The DIGEST#<advisor> partition: a `DAY#<date>` item per day (the claim, then its outcome) and
 * one `LATEST` item with the baseline the next digest compares against. Not applicant items, so
 * the stream filter never wakes the planner for them.
 *
 * Requests: claimDay 1 conditional PutItem; latestBaseline 1 GetItem; finishDay 1
 * TransactWriteItems (2 items: the day marked sent, or its claim deleted when nothing was new; the
 * baseline, conditional on its version); releaseDay 1 conditional DeleteItem; forgetApplicant 1
 * GetItem + 1 conditional PutItem per try.
 */
export class DynamoAdvisorDigests implements AdvisorDigestLog {
  constructor(private readonly table: DynamoTable) {}

  claimDay(advisorEmail: string, day: string, now: Date, staleAfterMs: number): Promise<boolean> {
    return this.table.putUnlessConditionFails("PutItem(digest claim)", {
      Item: {
        ...dayKey(advisorEmail, day),
        entity: "digest-day",
        status: "claimed",
        claimedAt: now.toISOString(),
        [TTL_ATTRIBUTE]: expiry(now),
      },
      // A claim whose run died is taken over once stale; a finished day never is.
      ConditionExpression: "attribute_not_exists(pk) OR (#status = :claimed AND claimedAt < :staleBefore)",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":claimed": "claimed",
        ":staleBefore": new Date(now.getTime() - staleAfterMs).toISOString(),
      },
    });
  }

  async latestBaseline(advisorEmail: string): Promise<LatestDigest | undefined> {
    const item = await this.table.get(latestKey(advisorEmail), { consistent: true });
    return item === undefined ? undefined : latestOf(item);
  }

  async finishDay(
    advisorEmail: string,
    day: string,
    outcome: { status: "sent"; messageId: string } | { status: "nothing-new" },
    baseline: DigestBaseline,
    at: Date,
    readVersion: number | undefined,
    lastSentDay?: string,
  ): Promise<boolean> {
    const actions: TransactItem[] = [
      outcome.status === "sent"
        ? {
            Put: {
              TableName: this.table.name,
              Item: {
                ...dayKey(advisorEmail, day),
                entity: "digest-day",
                ...outcome,
                finishedAt: at.toISOString(),
                [TTL_ATTRIBUTE]: expiry(at),
              },
            },
          }
        : // Nothing sent: the day stays open, so a later run that day (news since) may still send one.
          { Delete: { TableName: this.table.name, Key: dayKey(advisorEmail, day) } },
      {
        Put: {
          TableName: this.table.name,
          // One JSON string: read whole, never queried by member.
          Item: {
            ...latestKey(advisorEmail),
            entity: "digest-latest",
            day,
            baseline: JSON.stringify(baseline),
            version: (readVersion ?? 0) + 1,
            ...(lastSentDay ? { lastSentDay } : {}),
          },
          ...atVersion(readVersion),
        },
      },
    ];
    try {
      await this.table.transact(actions);
      return true;
    } catch (error) {
      if (cancelledCodes(error)?.[1] === "ConditionalCheckFailed") return false;
      throw error;
    }
  }

  /**
   * Takes an erased applicant's id out of the advisor's baseline (an erase leaves no item naming
   * them), and makes a new version of it even when the id was not in it: a digest that read the
   * baseline before (and may have loaded the applicant before the erase) then cannot store its
   * own (finishDay's condition) without checking again who still exists. Conditional on the
   * version it read, so a digest finishing meanwhile is not overwritten; retried then, and
   * TransientError after 3 tries.
   */
  async forgetApplicant(advisorEmail: string, applicantId: string): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const item = await this.table.get(latestKey(advisorEmail), { consistent: true });
      const latest = item === undefined ? undefined : latestOf(item);
      const baseline = { ...latest?.baseline };
      delete baseline[applicantId];
      const written = await this.table.putUnlessConditionFails("PutItem(digest baseline)", {
        Item: {
          ...(item ?? { ...latestKey(advisorEmail), entity: "digest-latest" }),
          baseline: JSON.stringify(baseline),
          version: (latest?.version ?? 0) + 1,
        },
        ...atVersion(latest?.version),
      });
      if (written) return;
    }
    throw new TransientError(
      "The digest baseline kept changing while an erased applicant was taken out of it",
    );
  }

  async releaseDay(advisorEmail: string, day: string): Promise<void> {
    await this.table.deleteUnlessConditionFails("DeleteItem(digest claim)", {
      Key: dayKey(advisorEmail, day),
      ConditionExpression: "#status = :claimed",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":claimed": "claimed" },
    });
  }
}

function latestOf(item: Record<string, unknown>): LatestDigest {
  return {
    baseline: typeof item.baseline === "string" ? (JSON.parse(item.baseline) as DigestBaseline) : {},
    // Items written before versions count as version 0.
    version: typeof item.version === "number" ? item.version : 0,
    ...(typeof item.lastSentDay === "string" ? { lastSentDay: item.lastSentDay } : {}),
  };
}

/** The condition that the LATEST item is still at `version` (undefined: there is none). */
function atVersion(version: number | undefined): {
  ConditionExpression: string;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  if (version === undefined) return { ConditionExpression: "attribute_not_exists(pk)" };
  if (version === 0) return { ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(version)" };
  return { ConditionExpression: "version = :version", ExpressionAttributeValues: { ":version": version } };
}

function expiry(at: Date): number {
  return Math.floor(at.getTime() / 1000) + DIGEST_DAY_RECORD_DAYS * 86_400;
}
