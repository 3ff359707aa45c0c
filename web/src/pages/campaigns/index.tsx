import { A, createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { CampaignListState } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { Loading } from "../../components/load-error.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { campaignList } from "./data.ts";
import { campaignName, STATUS_KEYS, STATUS_TONE } from "./labels.ts";

const FILTERS: { state: CampaignListState | undefined; label: "campaigns.all" | "campaigns.running" | "campaigns.closed" }[] = [
  { state: undefined, label: "campaigns.all" },
  { state: "active", label: "campaigns.running" },
  { state: "closed", label: "campaigns.closed" },
];

/** 专项整治: the campaigns of my area and those over it, newest first. */
export default function CampaignsPage() {
  const { t, locale } = useI18n();
  const [state, setState] = createSignal<CampaignListState | undefined>(undefined);
  const campaigns = createAsync(() => campaignList(state()));
  const mayCreate = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "campaign.manage");
  };
  return (
    <section class="card">
      <h1>{t("campaigns.title")}</h1>
      <p class="hint">{t("campaigns.intro")}</p>
      <Show when={mayCreate()}>
        <p>
          <A href="/campaigns/new" class="button">{t("campaigns.new")}</A>
        </p>
      </Show>
      <div class="tabs" role="tablist">
        <For each={FILTERS}>
          {(f) => (
            <button type="button" role="tab" class="tab" aria-selected={state() === f.state} onClick={() => setState(f.state)}>
              {t(f.label)}
            </button>
          )}
        </For>
      </div>
      <Loading>
        <ul class="task-list" aria-label={t("campaigns.title")}>
          <For each={campaigns()?.items} fallback={<li class="hz-empty">{t("campaigns.empty")}</li>}>
            {(c) => (
              <li class="task-card" data-testid="campaign">
                <A href={`/campaigns/${c.campaignId}`} class="task-card-link">
                  <div class="task-card-head">
                    <strong>{campaignName(c, locale())}</strong>
                    <span class={`badge ${STATUS_TONE[c.status]}`}>{t(STATUS_KEYS[c.status])}</span>
                  </div>
                  <div class="task-card-meta">
                    <span>{t("campaigns.period", { start: c.startDate, end: c.endDate })}</span>
                    <span>{t("campaigns.area")}：{c.area.name}</span>
                    <Show when={c.crossArea}>
                      <span>{t("campaigns.crossArea")}</span>
                    </Show>
                  </div>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Loading>
    </section>
  );
}
