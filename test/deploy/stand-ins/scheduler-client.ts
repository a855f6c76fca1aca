import * as scheduler from "@aws-sdk/client-scheduler";
import { ApiError } from "./api-error.ts";
import type { CreateScheduleRequest, SchedulerStandIn } from "./scheduler.ts";

/**
 * A SchedulerClient served by the stand-in in process: each command goes to the stand-in's
 * operation, and its refusals come back as the SDK's own exception classes, so the adapter's
 * `instanceof ConflictException` checks see what the real client would raise.
 */
export function schedulerClientFor(standIn: SchedulerStandIn): scheduler.SchedulerClient {
  const send = async (command: { input: Record<string, unknown> }): Promise<unknown> => {
    const input = command.input;
    try {
      if (command instanceof scheduler.CreateScheduleCommand)
        return standIn.createSchedule(input as CreateScheduleRequest);
      if (command instanceof scheduler.UpdateScheduleCommand)
        return standIn.updateSchedule(input as CreateScheduleRequest);
      if (command instanceof scheduler.DeleteScheduleCommand)
        return standIn.deleteSchedule(String(input.Name), input.GroupName as string | undefined);
      if (command instanceof scheduler.ListSchedulesCommand)
        return standIn.listSchedules(
          input.GroupName as string | undefined,
          input.NamePrefix as string | undefined,
        );
    } catch (error) {
      throw toSdkError(error);
    }
    throw new Error(`scheduler stand-in: ${command.constructor.name} is not modelled`);
  };
  return { send } as unknown as scheduler.SchedulerClient;
}

function toSdkError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const options = {
    message: error.message,
    Message: error.message,
    $metadata: { httpStatusCode: error.status },
  };
  switch (error.code) {
    case "ConflictException":
      return new scheduler.ConflictException(options);
    case "ResourceNotFoundException":
      return new scheduler.ResourceNotFoundException(options);
    case "ValidationException":
      return new scheduler.ValidationException(options);
    default:
      return error;
  }
}
