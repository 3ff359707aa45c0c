import { useParams } from "@solidjs/router";
import { Show } from "solid-js";
import FundingPage from "./funding.tsx";
import QualificationsPage from "./qualifications.tsx";

/** 专项台账 of issue 19: /resources/funds (经费装备) and /resources/quals (资质培训), one route and one chunk. */
export default function ResourcesPage() {
  const params = useParams<{ tab: string }>();
  return (
    <Show when={params.tab === "quals"} fallback={<FundingPage />}>
      <QualificationsPage />
    </Show>
  );
}
