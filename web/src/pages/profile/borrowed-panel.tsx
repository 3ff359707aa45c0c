import { createAsync, query } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { ProfileDraft } from "@firegov/core/contract";
import { forkPresetIntoDraft, reciteBorrowed } from "../../api/profile-borrowing.ts";
import { getPresets } from "../../api/system.ts";
import { presetLabel } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

// Starting from another county's rules: fork a preset into the draft (its
// citations kept, marked 借用), and re-cite a borrowed document's clauses as
// the county's own in one step. Both replace the saved draft, so they wait
// until the editor's own edits are saved.

const presets = query(getPresets, "presets");

type Borrowed = { profileId: string; document: { title: string } };

export function BorrowedPanel(props: { borrowed: readonly Borrowed[] | undefined; dirty: boolean; onDraft: (next: ProfileDraft) => void; onError: (err: unknown) => void }) {
  const { t, locale } = useI18n();
  // The list only offers a choice: when it cannot load, the editor goes on without it.
  const items = createAsync(() => presets().catch(() => []));
  const [presetId, setPresetId] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const run = (call: () => Promise<ProfileDraft>) => {
    setBusy(true);
    call().then(props.onDraft, props.onError).finally(() => setBusy(false));
  };
  return (
    <details class="panel" data-testid="borrowed-panel" open={(props.borrowed?.length ?? 0) > 0}>
      <summary>{t("profile.start.title")}</summary>
      <Show when={props.dirty}>
        <p class="muted small">{t("profile.start.saveFirst")}</p>
      </Show>
      <For each={props.borrowed ?? []}>
        {(b) => (
          <p>
            <span class="badge badge-borrowed">{t("borrowedClause.badge")}</span> {t("profile.start.borrowing", { title: b.document.title, id: b.profileId })}{" "}
            <button type="button" class="button button-secondary" disabled={props.dirty || busy()} onClick={() => run(() => reciteBorrowed(b.profileId))}>
              {t("profile.start.recite")}
            </button>
          </p>
        )}
      </For>
      <p class="muted small">{t("profile.start.reciteHint")}</p>
      <div class="actions">
        <select aria-label={t("profile.start.preset")} value={presetId()} onChange={(e) => setPresetId(e.currentTarget.value)}>
          <option value="">{t("profile.start.preset")}</option>
          <For each={(items() ?? []).filter((p) => !p.blank)}>{(p) => <option value={p.id}>{presetLabel(p, locale())}</option>}</For>
        </select>
        <button type="button" class="button button-secondary" disabled={props.dirty || busy() || !presetId()} onClick={() => run(() => forkPresetIntoDraft(presetId()))}>
          {t("profile.start.fork")}
        </button>
      </div>
    </details>
  );
}
