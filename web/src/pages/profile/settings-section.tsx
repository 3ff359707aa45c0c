import { settingsOf } from "@firegov/core/browser";
import type { PolicyProfile } from "@firegov/core/contract";
import { useI18n } from "../../i18n/index.tsx";
import { levelName } from "../../organisation/labels.ts";
import { CitedValue } from "./rule.tsx";

/**
 * The profile's windows and roll-up level: each with its clause, or marked
 * as the system's default (its assumption) where the profile sets none.
 */
export function SettingsSection(props: { profile: PolicyProfile }) {
  const { t, locale } = useI18n();
  const s = () => settingsOf(props.profile);
  return (
    <section class="topic" id="topic-settings" aria-labelledby="topic-settings-title">
      <h2 id="topic-settings-title">{t("profile.settings.title")}</h2>
      <ul class="rules">
        <li class="rule">
          <CitedValue
            label={t("profile.settings.acknowledge")}
            value={s().acknowledgeHours.value === null ? t("profile.settings.acknowledgeNextDay") : t("profile.settings.acknowledgeHours", { hours: String(s().acknowledgeHours.value) })}
            cite={s().acknowledgeHours}
          />
        </li>
        <li class="rule">
          <CitedValue label={t("profile.settings.dueSoon")} value={t("profile.settings.dueSoonDays", { days: String(s().dueSoonDays.value) })} cite={s().dueSoonDays} />
        </li>
        <li class="rule">
          <CitedValue label={t("profile.settings.rollup")} value={levelName(props.profile, s().rollupLevel.value, locale())} cite={s().rollupLevel} />
        </li>
      </ul>
    </section>
  );
}
