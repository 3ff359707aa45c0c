import { z } from "zod";

// What the response-time report answers with.

const Row = {
  received: z.int().meta({ description: "Hazards created (受理) in the period" }),
  registered: z.int().meta({ description: "Of them, registered (立案)" }),
  withdrawn: z.int(),
  ackRequested: z.int().meta({ description: "Acknowledgements (报到) asked of the body" }),
  ackOnTime: z.int(),
  ackLate: z.int().meta({ description: "Given after the due time, or still missing after it" }),
  ackAwaiting: z.int().meta({ description: "Awaited and not yet due" }),
  closed: z.int(),
  closedOnTime: z.int(),
  closedLate: z.int(),
  medianDaysToClose: z.number().nullable().meta({ description: "Days from receipt to close, nearest rank, in tenths of a day rounded up" }),
  p90DaysToClose: z.number().nullable(),
  open: z.int(),
  overdueNow: z.int(),
  reopened: z.int(),
};
const RowSchema = z.object(Row).meta({ id: "ResponseTimeRow" });
const NamedRowSchema = z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }), ...Row }).meta({ id: "ResponseTimeNamedRow" });

export const ResponseTimesSchema = z
  .object({
    path: z.string(),
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    generatedAt: z.string(),
    ackRule: z
      .object({ days: z.int(), hours: z.int().optional().meta({ description: "The profile's acknowledgement window in hours (settings.acknowledgeHours)" }), sourceRef: z.string().nullable(), assumption: z.object({ zh: z.string(), en: z.string() }) })
      .meta({ description: "The acknowledgement time: the profile's (hours) or a marked default (by the end of the next day)" }),
    total: RowSchema,
    byBody: z.array(NamedRowSchema).meta({ description: "Per handling body (acknowledgements: per body asked)" }),
    byNode: z.array(NamedRowSchema).meta({ description: "Per child node (and the node's own hazards)" }),
  })
  .meta({ id: "ResponseTimes" });
