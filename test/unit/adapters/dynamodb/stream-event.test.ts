import { describe, expect, it } from "vitest";
import { toLambdaRecord } from "#adapters/dynamodb/stream-event.ts";

const streamArn = "arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-01-01T00:00:00.000";

describe("toLambdaRecord", () => {
  it("turns an SDK stream record into the Lambda event record", () => {
    const record = toLambdaRecord(
      {
        eventID: "e1",
        eventName: "MODIFY",
        eventVersion: "1.1",
        eventSource: "aws:dynamodb",
        awsRegion: "us-east-1",
        dynamodb: {
          ApproximateCreationDateTime: new Date("2026-01-01T00:00:01.500Z"),
          Keys: { pk: { S: "APPLICANT#a" }, sk: { S: "PROFILE" } },
          NewImage: {
            b: { B: new Uint8Array([104, 105]) },
            bs: { BS: [new Uint8Array([1])] },
            m: { M: { n: { N: "1" }, l: { L: [{ BOOL: true }, { NULL: true }] } } },
            ss: { SS: ["a"] },
            ns: { NS: ["1", "2"] },
          },
          OldImage: { s: { S: "old" } },
          SequenceNumber: "100",
          SizeBytes: 42,
          StreamViewType: "NEW_AND_OLD_IMAGES",
        },
      },
      streamArn,
    );

    expect(record).toEqual({
      eventID: "e1",
      eventName: "MODIFY",
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: "us-east-1",
      eventSourceARN: streamArn,
      dynamodb: {
        ApproximateCreationDateTime: 1767225601.5,
        Keys: { pk: { S: "APPLICANT#a" }, sk: { S: "PROFILE" } },
        NewImage: {
          b: { B: "aGk=" },
          bs: { BS: ["AQ=="] },
          m: { M: { n: { N: "1" }, l: { L: [{ BOOL: true }, { NULL: true }] } } },
          ss: { SS: ["a"] },
          ns: { NS: ["1", "2"] },
        },
        OldImage: { s: { S: "old" } },
        SequenceNumber: "100",
        SizeBytes: 42,
        StreamViewType: "NEW_AND_OLD_IMAGES",
      },
    });
  });

  it("keeps the service identity of TTL deletions", () => {
    const record = toLambdaRecord(
      {
        eventName: "REMOVE",
        userIdentity: { Type: "Service", PrincipalId: "dynamodb.amazonaws.com" },
        dynamodb: { Keys: { pk: { S: "SUBMISSION#x" }, sk: { S: "SUBMISSION" } } },
      },
      streamArn,
    );
    expect(record.userIdentity).toEqual({ type: "Service", principalId: "dynamodb.amazonaws.com" });
  });
});
