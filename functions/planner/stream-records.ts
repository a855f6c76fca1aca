import type { DynamoDBBatchItemFailure, DynamoDBRecord } from "aws-lambda";

/**
 * Reads a DynamoDB Streams batch at the edge: which applicants it touched, and which records are
 * poisoned (no parsable `APPLICANT#<id>` partition key). Records are grouped so an applicant
 * touched several times in one batch is planned once, and a failure can name all its records.
 *
 * Not Powertools BatchProcessor: it handles one record at a time, and planning is per applicant.
 */
export interface StreamBatch {
  /** applicantId → sequence numbers of its records, in batch order. */
  byApplicant: Map<string, string[]>;
  /** Sequence numbers of records that name no applicant. */
  poisoned: string[];
}

const APPLICANT_PK = /^APPLICANT#([^#]{1,200})$/;

export function applicantIdOf(record: DynamoDBRecord): string | undefined {
  const pk = record.dynamodb?.Keys?.pk?.S;
  return pk === undefined ? undefined : APPLICANT_PK.exec(pk)?.[1];
}

export function groupByApplicant(records: readonly DynamoDBRecord[]): StreamBatch {
  const byApplicant = new Map<string, string[]>();
  const poisoned: string[] = [];
  for (const record of records) {
    // An empty identifier makes Lambda retry the whole batch: the right answer for a record it
    // cannot even name (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html).
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? "";
    const applicantId = applicantIdOf(record);
    if (applicantId === undefined) {
      poisoned.push(sequenceNumber);
      continue;
    }
    byApplicant.set(applicantId, [...(byApplicant.get(applicantId) ?? []), sequenceNumber]);
  }
  return { byApplicant, poisoned };
}

export function batchItemFailures(sequenceNumbers: Iterable<string>): DynamoDBBatchItemFailure[] {
  return [...sequenceNumbers].map((itemIdentifier) => ({ itemIdentifier }));
}
