import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { ApplicantNotFoundError } from "#errors";
import type { AuditEntry, ErasureReport } from "#ports/console-store.ts";
import { DynamoAdvisorDigests } from "./advisor-digests.ts";
import { dynamoRequest } from "./errors.ts";
import { keys, SK, type TableKey } from "./keys.ts";
import { batchWriteAll, DynamoTable, queryAll } from "./table.ts";

type Item = Record<string, unknown>;

/**
 * The right to erasure on the one table (DATA-MODEL.md): 1 Query of the partition + 1 GetItem per
 * lookup item + BatchWriteItem per 25 deletes, then 1 Query again to catch a plan written by a
 * planner run that raced the erase, the applicant's id taken out of their advisor's digest baseline
 * (advisor-digests.ts forgetApplicant), and 1 PutItem of the erasure record (no personal data).
 */
export class DynamoApplicantErasure {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async erase(applicantId: string, audit: AuditEntry): Promise<ErasureReport> {
    const profile = await this.get(keys.profile(applicantId));
    const first = await this.queryPrefix(applicantId, "", true);
    if (profile === undefined && first.length === 0)
      throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
    const email = typeof profile?.email === "string" ? profile.email : undefined;

    const outside: TableKey[] = [];
    if (email !== undefined) {
      const lookup = await this.get(keys.emailLookup(email));
      if (lookup?.applicantId === applicantId) outside.push(keys.emailLookup(email));
      outside.push(keys.suppression(email));
    }
    outside.push(...submissionKeysOf(first));
    // The profile goes first: a planner run that starts meanwhile finds no applicant and writes nothing.
    let deleted = 0;
    deleted += await this.deleteAll([keys.profile(applicantId)]);
    deleted += await this.deleteAll([
      ...first.filter((item) => item.sk !== SK.profile).map(keyOf),
      ...outside,
    ]);
    // A planner or reminder run that read the applicant before the profile went may still have
    // stored a plan or a ledger mark after the first pass: sweep the partition once more.
    // Their intake copies name SUBMISSION# records outside the partition: those go too.
    const late = await this.queryPrefix(applicantId, "", true);
    deleted += await this.deleteAll([...late.map(keyOf), ...submissionKeysOf(late)]);

    const advisorEmail = (profile?.applicant as { advisorEmail?: unknown } | undefined)?.advisorEmail;
    if (typeof advisorEmail === "string")
      await new DynamoAdvisorDigests(
        new DynamoTable({ client: this.client, tableName: this.tableName }),
      ).forgetApplicant(advisorEmail, applicantId);

    await dynamoRequest("PutItem(erasure)", () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.erasureAudit(audit.at, applicantId),
            entity: "erasure",
            at: audit.at,
            actor: audit.actor,
            role: audit.role,
            action: audit.action,
            applicantId,
            itemsDeleted: deleted,
          },
        }),
      ),
    );
    return { applicantId, itemsDeleted: deleted };
  }

  private async deleteAll(toDelete: TableKey[]): Promise<number> {
    await batchWriteAll(
      this.client,
      this.tableName,
      "BatchWriteItem(erase)",
      toDelete.map((key) => ({ DeleteRequest: { Key: key } })),
    );
    return toDelete.length;
  }

  private async get(key: TableKey): Promise<Item | undefined> {
    const result = await dynamoRequest("GetItem", () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })),
    );
    return result.Item;
  }

  private queryPrefix(applicantId: string, prefix: string, ascending: boolean): Promise<Item[]> {
    return queryApplicantPrefix(this.client, this.tableName, applicantId, prefix, ascending);
  }
}

/** Every item of the applicant's partition whose sort key starts with prefix ("" for all), strongly consistent. */
export async function queryApplicantPrefix(
  client: DynamoDBDocumentClient,
  tableName: string,
  applicantId: string,
  prefix: string,
  ascending: boolean,
): Promise<Item[]> {
  return queryAll(client, "Query(applicant)", {
    TableName: tableName,
    KeyConditionExpression: prefix === "" ? "pk = :pk" : "pk = :pk AND begins_with(sk, :prefix)",
    ExpressionAttributeValues:
      prefix === ""
        ? { ":pk": keys.applicantPk(applicantId) }
        : { ":pk": keys.applicantPk(applicantId), ":prefix": prefix },
    ConsistentRead: true,
    ScanIndexForward: ascending,
  });
}

/** The SUBMISSION# idempotency records the applicant's intake copies point to. */
function submissionKeysOf(items: readonly Item[]): TableKey[] {
  return items
    .filter((item) => String(item.sk).startsWith(SK.intakePrefix))
    .map((item) => keys.submission(String(item.provider), String(item.submissionId)));
}

function keyOf(item: Item): TableKey {
  return { pk: String(item.pk), sk: String(item.sk) };
}
