import { Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";

/** The row under a paged list's last page: "load more" while the API answers a next cursor. */
export function LoadMore(props: { cursor: string | null | undefined; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  return (
    <Show when={props.cursor}>
      {(cursor) => (
        <li class="list-more">
          <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>{t("hazards.loadMore")}</button>
        </li>
      )}
    </Show>
  );
}
