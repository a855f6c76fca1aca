import { CfnOutput, type Stack } from "aws-cdk-lib";

/**
 * The stack's outputs, named at the stack's top level (the README and the deploy tests read them by
 * these names: `ApiEndpoint`, `EventBusName`, `AlarmTopicArn`, `ConsoleUrl`, `ConsoleUserPoolId`).
 */
export function addStackOutputs(
  stack: Stack,
  values: {
    apiEndpoint: string;
    eventBusName: string;
    alarmTopicArn: string;
    consoleUrl: string;
    consoleUserPoolId: string;
  },
): void {
  new CfnOutput(stack, "ApiEndpoint", { value: values.apiEndpoint, description: "Base URL of the HTTP API" });
  new CfnOutput(stack, "EventBusName", {
    value: values.eventBusName,
    description: "Subscribe to domain events here",
  });
  new CfnOutput(stack, "AlarmTopicArn", { value: values.alarmTopicArn });
  new CfnOutput(stack, "ConsoleUrl", {
    value: values.consoleUrl,
    description: "The advisor's console (sign in with an account an admin created)",
  });
  new CfnOutput(stack, "ConsoleUserPoolId", {
    value: values.consoleUserPoolId,
    description: "Invite advisors here (aws cognito-idp admin-create-user); the admin group sees everyone",
  });
}
