import { A } from "@solidjs/router";
import { useI18n } from "../i18n/index.tsx";

/** The header's way into search (/search): venue name or address, hazard code. Small, so it costs the first screen nothing. */
export function SearchButton() {
  const { t } = useI18n();
  return (
    <A href="/search" class="search-button">
      <span aria-hidden="true">⌕</span>
      <span>{t("nav.search")}</span>
    </A>
  );
}
