import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientSettings, clientOptions } from "#adapters/aws-clients.ts";

/** The DynamoDB document client every store uses: undefined attributes dropped, numbers as numbers. */
export function createDynamoDocumentClient(settings: AwsClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient(clientOptions(settings, settings.endpoints.dynamodb));
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
