import { createAsync, revalidate, useLocation, useParams } from "@solidjs/router";
import { DuplicateLinks } from "./merge.tsx";
import { createSignal, For, onMount, Show } from "solid-js";
import { markSubjectRead } from "../../api/inbox.ts";
import { TipRewardPanel } from "./reward.tsx";
import { Notice } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { hazardTimeline } from "./data.ts";
import { bodyName, hazardTitle, listingName, stateName } from "./labels.ts";
import { Loading } from "../../components/load-error.tsx";
import { profileInEffect, unreadCount, userNames } from "../../data/queries.ts";
import { Actions } from "./actions.tsx";
import { Facts, Steps, type Names } from "./facts.tsx";
import { Timeline } from "./timeline.tsx";

function HazardView(props: { id: string }) {
  const { t, locale } = useI18n();
  const opened = Date.now();
  const timeline = createAsync(() => hazardTimeline(props.id, opened));
  const profile = createAsync(() => profileInEffect());
  const names = createAsync(() => userNames(), { initialValue: new Map() as Names });
  // Opening the hazard is reading its notices (issue 16): mark them read, then refresh the unread badge.
  onMount(() => void markSubjectRead("hazard", props.id).then(async (n) => { if (n > 0) await revalidate(unreadCount.key); }, () => undefined));
  const arrived = (useLocation().state as { flash?: "reported" | "reopened" | "corroborated" } | undefined)?.flash;
  const [flash, setFlash] = createSignal<string | undefined>(arrived ? t(`hazards.${arrived}`) : undefined);
  const done = (message: string) => {
    setFlash(message);
    void revalidate(hazardTimeline.keyFor(props.id, opened));
  };
  return (
    <Show when={timeline()?.hazard}>
      {(h) => (
        <>
          <div class="page-head">
            <h1>{hazardTitle(profile(), h(), locale())}</h1>
            <div class="hz-badges">
              <span class="badge badge-level hz-state">{stateName(h().state, locale())}</span>
              <For each={h().listings}>
                {(l) => (
                  <span class="badge hz-listed">
                    {t("hazards.listed")} · {listingName(profile(), l.levelId, locale())}
                    <Show when={l.jointly?.length}> · {t("hazards.jointly", { bodies: (l.jointly ?? []).map((b) => bodyName(profile(), b, locale())).join("、") })}</Show>
                  </span>
                )}
              </For>
              <Show when={h().pendingAcks.length}>
                <span class="badge badge-warn">{t("hazards.awaitingAck", { bodies: h().pendingAcks.map((p) => bodyName(profile(), p.body, locale())).join("、") })}</span>
              </Show>
            </div>
          </div>
          <Show when={h().venueName}>{(venue) => <p class="hz-venue">{venue()}</p>}</Show>
          <Show when={flash()}>{(m) => <Notice tone="success">{m()}</Notice>}</Show>
          <Show when={h().state !== "withdrawn" && h().state !== "duplicate"} fallback={<Notice tone="warning">{t("hazards.closedHint", { state: stateName(h().state, locale()) })}</Notice>}>
            <Steps state={h().state} />
          </Show>
          <p class="hz-description">{h().description}</p>
          <DuplicateLinks hazard={h()} />
          <Facts hazard={h()} profile={profile()} names={names()} />
          <Actions hazard={h()} allowed={timeline()?.allowedActions} profile={profile()} names={names()} onDone={done} />
          <Show when={h().source === "public_tip"}>
            <TipRewardPanel hazardId={h().hazardId} state={h().state} />
          </Show>
          <section aria-labelledby="hz-timeline-title">
            <h2 id="hz-timeline-title">{t("hazards.timeline")}</h2>
            <Timeline hazardId={h().hazardId} events={timeline()?.events ?? []} names={names()} profile={profile()} />
          </section>
        </>
      )}
    </Show>
  );
}

export default function HazardPage() {
  const params = useParams<{ id: string }>();
  return (
    <section class="card hz-page">
      <Loading>
        <HazardView id={params.id} />
      </Loading>
    </section>
  );
}

