import { authorize, inSubtree } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { storedResult, writeTransaction } from "../db/transact.ts";
import { AppError, fieldError, type FieldError } from "../errors/index.ts";
import { addDays, hazardCodes, localDate, startOfLocalDay } from "../hazards/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import type { VenueFactsAt } from "../venues/index.ts";
import { CreateCampaignInput } from "./inputs.ts";
import { campaignChecklist, groupOf, lengthInDays, periodKey, rotation, type Group, type Place } from "./rules.ts";
import { campaignOrNotFound, toCampaignView, type CampaignItem } from "./store.ts";
import { ensureTasks, targetVenues } from "./tasks.ts";
import type { CampaignView } from "./views.ts";

// Setting up a campaign (专项整治): the campaign, then at once one task per
// target venue in its area for its whole period (tasks.ts).

const MAX_DAYS = 366;

function checkInput(profile: PolicyProfile, input: CreateCampaignInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.endDate < input.startDate) errors.push(fieldError("body.endDate", "campaign.dates_reversed", "结束日期不能早于开始日期", "The end date is before the start date"));
  else if (input.endDate < today) errors.push(fieldError("body.endDate", "campaign.already_ended", `结束日期（${input.endDate}）已过`, `The end date (${input.endDate}) has passed`));
  else if (lengthInDays(input.startDate, input.endDate) > MAX_DAYS) errors.push(fieldError("body.endDate", "campaign.too_long", `专项整治最长 ${MAX_DAYS} 天`, `A campaign lasts at most ${MAX_DAYS} days`));
  const known = (list: readonly { id: string }[], wanted: readonly string[] | undefined, path: string, what: { zh: string; en: string }) =>
    wanted?.forEach((id, i) => {
      if (!list.some((x) => x.id === id)) errors.push(fieldError(`${path}[${i}]`, "campaign.target_unknown", `“${id}”不是政策档案中的${what.zh}`, `“${id}” is not a ${what.en} of the profile`));
    });
  known(profile.venues.kinds, input.target.kinds, "body.target.kinds", { zh: "场所类型", en: "venue kind" });
  known(profile.venues.riskGrades, input.target.riskGrades, "body.target.riskGrades", { zh: "风险等级", en: "risk grade" });
  return errors;
}

/** The branches holding target venues, named, each with the branch that inspects it when the campaign crosses areas. */
async function groupsOf(area: { nodeId: string; path: string; name: string }, venues: readonly VenueFactsAt[], crossArea: CreateCampaignInput["crossArea"]): Promise<{ groups: Group[]; errors: FieldError[] }> {
  const places = new Map<string, Place>();
  for (const v of venues) {
    const g = groupOf(area.path, v.path);
    places.set(g.nodeId, g);
  }
  const nameOf = async (p: Place) => (p.nodeId === area.nodeId ? area.name : (await nodeOrNotFound(p.nodeId, { allowRetired: true })).name);
  const groups: Group[] = await Promise.all([...places.values()].map(async (p) => ({ ...p, name: await nameOf(p) })));
  const errors: FieldError[] = [];
  if (crossArea?.mode === "rotate") {
    const next = rotation(groups);
    if (!next.size) errors.push(fieldError("body.crossArea", "campaign.cross_area_too_few", "推磨式检查须有至少两个下级辖区有目标场所", "A cross-area campaign needs target venues in two branches of the area at least"));
    for (const g of groups) {
      const by = next.get(g.nodeId);
      if (by) g.inspectors = { nodeId: by.nodeId, path: by.path, name: by.name };
    }
  }
  if (crossArea?.mode === "pairs") {
    const assigned = new Set<string>();
    for (const [i, pair] of crossArea.pairs.entries()) {
      const g = groups.find((x) => x.nodeId === pair.venuesIn);
      if (!g || g.nodeId === area.nodeId) {
        errors.push(fieldError(`body.crossArea.pairs[${i}].venuesIn`, "campaign.not_a_branch", "该节点不是本次范围内有目标场所的下级辖区", "Not a branch of the area holding target venues"));
        continue;
      }
      if (assigned.has(g.nodeId)) errors.push(fieldError(`body.crossArea.pairs[${i}].venuesIn`, "campaign.branch_repeated", "每个辖区只能指定一次检查力量", "Each branch is assigned once"));
      assigned.add(g.nodeId);
      const by = await nodeOrNotFound(pair.inspectors).catch((err: unknown) => {
        if (err instanceof AppError && err.kind === "not_found") return undefined;
        throw err;
      });
      if (!by || !inSubtree(area.path, by.path) || inSubtree(g.path, by.path)) {
        errors.push(fieldError(`body.crossArea.pairs[${i}].inspectors`, "campaign.inspectors_invalid", "检查力量须来自本次范围内的另一个辖区", "The inspectors come from another branch within the area"));
        continue;
      }
      g.inspectors = { nodeId: by.nodeId, path: by.path, name: by.name };
    }
  }
  return { groups, errors };
}

/**
 * A new campaign with its tasks. County admins and town officers set one up
 * for their own subtree. With an Idempotency-Key, a retry answers the first
 * campaign (and finishes making its tasks if the first attempt stopped short).
 */
export const createCampaign = useCase(CreateCampaignInput, async (input, opts: { now?: Date; idempotencyKey?: string } = {}): Promise<CampaignView> => {
  const actor = useUser();
  const area = await nodeOrNotFound(input.areaNodeId);
  authorize(actor, "campaign.manage", area);
  const now = opts.now ?? new Date();
  const [{ profile, version }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
  const today = localDate(now, timeZone);
  const request = { createCampaign: input };
  const resume = async (campaignId: string) => {
    const c = await campaignOrNotFound(campaignId, true);
    if (c.state === "starting") await ensureTasks(c, profile, now);
    return toCampaignView(await campaignOrNotFound(campaignId, true), today, actor);
  };
  if (opts.idempotencyKey !== undefined) {
    const stored = await storedResult<CampaignView>(opts.idempotencyKey, request);
    if (stored) return resume(stored.campaignId);
  }

  const errors = checkInput(profile, input, today);
  const campaignId = timeOrderedId(now);
  const { checklist, problems } = campaignChecklist(profile, campaignId, input.adopt, input.custom, hazardCodes(profile));
  errors.push(...problems.map((p) => fieldError(p.path, p.code, p.zh, p.en)));
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);

  const target = JSON.parse(JSON.stringify(input.target)) as CampaignItem["target"];
  const venues = await targetVenues(profile, { areaPath: area.path, target });
  const { groups, errors: crossErrors } = await groupsOf(area, venues, input.crossArea);
  if (crossErrors.length) throw new AppError("validation", "request.invalid", {}, crossErrors);

  const item: CampaignItem = JSON.parse(
    JSON.stringify({
      tenantId: actor.tenantId,
      campaignId,
      name: input.name,
      startDate: input.startDate,
      endDate: input.endDate,
      period: periodKey(input.startDate, input.endDate),
      dueAt: startOfLocalDay(addDays(input.endDate, 1), timeZone).toISOString(),
      areaNodeId: area.nodeId,
      areaPath: area.path,
      areaName: area.name,
      target,
      checklist,
      groups,
      crossArea: input.crossArea?.mode,
      templateId: input.templateId,
      state: "starting",
      tasks: venues.length,
      visits: 0,
      profileVersion: version,
      createdBy: actor.userId,
      createdAt: now.toISOString(),
    }),
  );
  const view = toCampaignView(item, today, actor);
  const stored = await writeTransaction<CampaignView>(
    (tx) =>
      [
        tx.campaign.create(item).commit(),
        auditItem(tx, { action: "campaign.create", targetType: "campaign", targetId: campaignId, details: plain({ areaNodeId: area.nodeId, venues: venues.length, crossArea: input.crossArea?.mode, templateId: input.templateId }) }, now),
      ] as never,
    {
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
      idempotency: opts.idempotencyKey === undefined ? undefined : { key: opts.idempotencyKey, request, result: view },
    },
  );
  // A concurrent first attempt with the same key won: answer its campaign.
  if (stored && stored.campaignId !== campaignId) return resume(stored.campaignId);
  const count = await ensureTasks(item, profile, now, venues);
  return toCampaignView({ ...item, state: "active", tasks: count }, today, actor);
});
