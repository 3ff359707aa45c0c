import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import type { Basemap, BasemapInput } from "@firegov/core/contract";
import { basemap, mapBoundaries, setBasemap } from "../../api/map.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FieldNotes, FormError, formValues, Notice, revealProblem, SelectField, SubmitButton, TextField } from "../../components/form.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

type Kind = Basemap["kind"];
const KINDS: Kind[] = ["none", "tianditu", "url"];
const FIELDS = ["body.kind", "body.key", "body.style", "body.template", "body.subdomains", "body.attribution", "body.maxZoom"];

/** The request the form's inputs make: only the fields of the chosen kind, empty optional ones left out. */
export function basemapInput(kind: Kind, v: Record<string, string>): BasemapInput {
  if (kind === "tianditu") return { kind, key: v.key ?? "", style: v.style === "img" ? "img" : "vec" };
  if (kind === "url")
    return { kind, template: v.template ?? "", attribution: v.attribution ?? "", ...(v.subdomains ? { subdomains: v.subdomains } : {}), ...(v.maxZoom ? { maxZoom: Number(v.maxZoom) } : {}) };
  return { kind: "none" };
}

/**
 * 地图设置: the tenant's basemap (its admin sets none, 天地图 with the county's
 * key, or another WGS-84 tile URL; everyone else sees it, the key masked as the
 * API gives it) and which nodes have a boundary, each uploaded on its node page.
 * No map library here: the page is a form.
 */
export default function MapSettingsPage() {
  const { t, locale } = useI18n();
  const admin = () => {
    const me = signedInUser();
    return me ? can(me.role, "tenant.configure") : false;
  };
  const [current, { mutate }] = createResource(() => basemap());
  const [bounds] = createResource(() => mapBoundaries());
  const [kind, setKind] = createSignal<Kind>();
  const chosen = () => kind() ?? current()?.kind ?? "none";
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const layer = () => current()?.layers[0];

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setPending(true);
    setError(undefined);
    setSaved(false);
    try {
      const view = await setBasemap(basemapInput(chosen(), formValues(form)));
      mutate(view);
      setKind(undefined);
      setSaved(true);
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("map.settings.title")}</h1>
        <div class="actions">
          <A class="button button-secondary" href="/map">{t("map.title")}</A>
        </div>
      </div>
      <p class="hint">{t("map.settings.intro")}</p>

      <h2>{t("map.settings.basemap")}</h2>
      <Show when={current()} fallback={<FormError error={current.error} paths={[]} />}>
        {(b) => (
          <p data-testid="basemap-current">
            {t("map.settings.current", { kind: t(`map.settings.kindName.${b().kind}`) })}
            <Show when={b().kind === "tianditu" && b().key}> · {t("map.settings.keyShown", { key: b().key! })}</Show>
            <Show when={b().kind === "url" && b().template}> · <code>{b().template}</code></Show>
            <Show when={b().updatedAt}> · {t("map.settings.updatedAt", { when: formatDateTime(b().updatedAt!, locale()) })}</Show>
          </p>
        )}
      </Show>
      <Show when={saved()}>
        <Notice tone="success">{t("map.settings.saved")}</Notice>
      </Show>
      <Show when={admin()} fallback={<p class="hint">{t("map.settings.readOnly")}</p>}>
        <Show when={current()}>
          <form class="form panel" onSubmit={(e) => void onSubmit(e)} aria-label={t("map.settings.basemap")}>
            <FormError error={error()} paths={FIELDS} />
            <fieldset class="field" classList={{ "field-invalid": Boolean(fieldError(error(), "body.kind")) }}>
              <legend>{t("map.settings.kind")}</legend>
              <For each={KINDS}>
                {(k) => (
                  <label class="radio">
                    <input type="radio" name="kind" value={k} checked={chosen() === k} onChange={() => setKind(k)} />
                    {t(`map.settings.kindName.${k}`)}
                  </label>
                )}
              </For>
              <FieldNotes error={fieldError(error(), "body.kind")} />
            </fieldset>
            <Show when={chosen() === "tianditu"}>
              <TextField label={t("map.settings.key")} hint={t("map.settings.keyHint")} name="key" autocomplete="off" spellcheck={false} value={current()?.kind === "tianditu" ? (current()?.key ?? "") : ""} error={fieldError(error(), "body.key")} />
              <SelectField label={t("map.settings.style")} name="style" error={fieldError(error(), "body.style")}>
                <For each={["vec", "img"] as const}>{(s) => <option value={s} selected={(current()?.style ?? "vec") === s}>{t(`map.settings.styleName.${s}`)}</option>}</For>
              </SelectField>
            </Show>
            <Show when={chosen() === "url"}>
              <TextField label={t("map.settings.template")} hint={t("map.settings.templateHint")} name="template" inputmode="url" spellcheck={false} placeholder="https://tiles.example.cn/{z}/{x}/{y}.png" value={current()?.template ?? ""} error={fieldError(error(), "body.template")} />
              <TextField label={t("map.settings.attribution")} name="attribution" value={current()?.attribution ?? ""} error={fieldError(error(), "body.attribution")} />
              <TextField label={t("map.settings.subdomains")} name="subdomains" optional placeholder="abc" value={current()?.kind === "url" ? (layer()?.subdomains ?? "") : ""} error={fieldError(error(), "body.subdomains")} />
              <TextField label={t("map.settings.maxZoom")} name="maxZoom" optional type="number" inputmode="numeric" min={1} max={22} value={current()?.kind === "url" ? String(layer()?.maxZoom ?? "") : ""} error={fieldError(error(), "body.maxZoom")} />
            </Show>
            <div class="actions">
              <SubmitButton pending={pending()}>{t("map.settings.save")}</SubmitButton>
            </div>
          </form>
        </Show>
      </Show>
      <details class="panel">
        <summary>{t("map.settings.crsTitle")}</summary>
        <p>{t("map.settings.crs")}</p>
      </details>

      <h2>{t("map.settings.boundaries")}</h2>
      <Show when={bounds()}>
        {(fc) => (
          <Show when={fc().features.length} fallback={<p class="hint">{t("map.settings.noBoundaries")}</p>}>
            <p class="hint">{t("map.settings.boundariesIntro")}</p>
            <ul data-testid="boundary-list">
              <For each={fc().features}>
                {(f) => (
                  <li>
                    <A href={`/nodes/${f.properties.nodeId}?tab=boundary`}>{t("map.settings.openNode", { name: f.properties.name })}</A>
                    <Show when={f.properties.uploadedAt}> · {formatDateTime(f.properties.uploadedAt!, locale())}</Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
