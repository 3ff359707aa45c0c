import { createResource, createSignal, For, Show } from "solid-js";
import type { IssuedOpen311Client } from "@firegov/core/contract";
import { issueOpen311Client, open311Clients, revokeOpen311Client } from "../../api/open311.ts";
import { FormError, fieldError, formValues, Notice, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { rememberedTenant } from "../../auth/session.ts";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

/**
 * Open311 接入: the county admin lets a city service platform (a 12345
 * hotline, 一网统管) file hazards through GeoReport v2. A key is shown once,
 * with a copy button; the list shows each key's first characters only.
 */
export default function Open311Page() {
  const { t, locale } = useI18n();
  const [clients, { refetch }] = createResource(() => open311Clients());
  const [issued, setIssued] = createSignal<IssuedOpen311Client>();
  const [copied, setCopied] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [revokeError, setRevokeError] = createSignal<unknown>();
  /** Where a platform points its client: this origin, and the county code the staff sign in with. */
  const base = () => `${globalThis.location?.origin ?? ""}/open311/v2/${rememberedTenant() || `<${t("open311.countyCode")}>`}/`;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setPending(true);
    setError(undefined);
    setCopied(false);
    try {
      setIssued(await issueOpen311Client({ name: formValues(form).name ?? "" }));
      form.reset();
      await refetch();
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };
  const copy = async () => {
    const key = issued()?.apiKey;
    if (!key) return;
    await globalThis.navigator.clipboard?.writeText(key);
    setCopied(true);
  };
  const revoke = async (clientId: string, name: string) => {
    if (!globalThis.confirm(t("open311.confirmRevoke", { name }))) return;
    setRevokeError(undefined);
    try {
      await revokeOpen311Client(clientId);
      if (issued()?.clientId === clientId) setIssued(undefined);
      await refetch();
    } catch (err) {
      setRevokeError(err);
    }
  };

  return (
    <section class="card">
      <SectionTabs section="integrations" />
      <h1>{t("open311.title")}</h1>
      <p class="hint">{t("open311.intro")}</p>
      <p class="hint">{t("open311.endpoint")} <code data-testid="open311-base">{base()}services.json</code></p>

      <form class="form panel" onSubmit={(e) => void onSubmit(e)} aria-label={t("open311.issue")}>
        <h2>{t("open311.issue")}</h2>
        <FormError error={error()} paths={["body.name"]} />
        <TextField label={t("open311.name")} hint={t("open311.nameHint")} name="name" autocomplete="off" error={fieldError(error(), "body.name")} />
        <div class="actions">
          <SubmitButton pending={pending()}>{t("open311.issueButton")}</SubmitButton>
        </div>
      </form>

      <Show when={issued()}>
        {(c) => (
          <div class="panel" data-testid="issued-key">
            <Notice tone="warning">{t("open311.shownOnce", { name: c().name })}</Notice>
            <p>
              <code data-testid="api-key" style={{ "word-break": "break-all" }}>{c().apiKey}</code>
            </p>
            <div class="actions">
              <button type="button" class="button button-secondary" onClick={() => void copy()}>{copied() ? t("open311.copied") : t("open311.copy")}</button>
              <button type="button" class="button button-secondary" onClick={() => setIssued(undefined)}>{t("open311.done")}</button>
            </div>
          </div>
        )}
      </Show>

      <h2>{t("open311.clients")}</h2>
      <FormError error={revokeError()} paths={[]} />
      <Show when={clients()} fallback={<FormError error={clients.error} paths={[]} />}>
        {(list) => (
          <Show when={list().items.length} fallback={<p class="hint">{t("open311.none")}</p>}>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">{t("open311.clients")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("open311.name")}</th>
                    <th scope="col">{t("open311.keyPrefix")}</th>
                    <th scope="col">{t("open311.createdAt")}</th>
                    <th scope="col">{t("open311.status")}</th>
                    <th scope="col"><span class="visually-hidden">{t("open311.actions")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list().items}>
                    {(c) => (
                      <tr data-testid={`client-${c.clientId}`}>
                        <td>{c.name}</td>
                        <td><code>{c.keyPrefix}…</code></td>
                        <td>{formatDateTime(c.createdAt, locale())}</td>
                        <td>{c.active ? t("open311.active") : t("open311.revokedAt", { when: formatDateTime(c.revokedAt!, locale()) })}</td>
                        <td>
                          <Show when={c.active}>
                            <button type="button" class="button button-secondary" onClick={() => void revoke(c.clientId, c.name)}>{t("open311.revoke")}</button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}
