import { A } from "@solidjs/router";
import { createResource, createSignal, createUniqueId, Show } from "solid-js";
import type { BoundaryCollection, OrganisationView, User } from "@firegov/core/contract";
import { ApiError } from "../../api/http.ts";
import { mapBoundaries, removeBoundary, uploadBoundary } from "../../api/map.ts";
import { can } from "../../auth/access.ts";
import { FieldNotes, FormError, Notice, SubmitButton } from "../../components/form.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { SectionHead } from "../../organisation/ui.tsx";

interface Ctx {
  me: User;
  org: OrganisationView;
}

type Feature = BoundaryCollection["features"][number];

/** Positions of a Polygon or MultiPolygon, as the API counts them. */
const positionsOf = (f: Feature) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2).length;

/**
 * The API's problems with an uploaded file, all shown under the file input:
 * where in the GeoJSON (`coordinates[0][0][1]`) and what is wrong, in the UI's language.
 */
export function fileProblems(error: unknown, at: (path: string, message: string) => string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const own = error.fields.filter((f) => f.path === "body" || f.path.startsWith("body."));
  if (!own.length) return undefined;
  return own.map((f) => (f.path === "body" ? f.message : at(f.path.slice("body.".length), f.message))).join("；");
}

/** A node's boundary on the one map (一张图): whether one is set and when; its admin uploads a GeoJSON file or removes it. */
export function BoundarySection(props: Ctx) {
  const { t, locale } = useI18n();
  const nodeId = () => props.org.node.nodeId;
  const [boundary, { refetch }] = createResource(nodeId, async (id) => (await mapBoundaries(id)).features.find((f) => f.properties.role === "self") ?? null);
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const manage = () => can(props.me.role, "node.manage");
  const fileId = createUniqueId();
  const [missing, setMissing] = createSignal(false);
  const problem = () => (missing() ? t("map.boundary.chooseFile") : fileProblems(error(), (path, message) => t("map.boundary.at", { path, message })));
  const fieldPaths = () => (error() instanceof ApiError ? (error() as ApiError).fields.map((f) => f.path).filter((p) => p === "body" || p.startsWith("body.")) : []);

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    setDone("");
    setError(undefined);
    setMissing(!file);
    if (!file) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setPending(true);
    try {
      const receipt = await uploadBoundary(nodeId(), await file.text());
      form.reset();
      setDone(t("map.boundary.uploaded", { positions: receipt.positions }));
      await refetch();
    } catch (err) {
      setError(err);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      setPending(false);
    }
  };

  const remove = async () => {
    setPending(true);
    setError(undefined);
    setDone("");
    try {
      await removeBoundary(nodeId());
      setConfirming(false);
      setDone(t("map.boundary.removed"));
      await refetch();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <section>
      <SectionHead title={t("map.boundary.tab")} />
      <Show when={done()}>
        <Notice tone="success">{done()}</Notice>
      </Show>
      <Show when={boundary.state === "ready" || boundary.state === "refreshing"} fallback={<p class="hint">{t("map.loading")}</p>}>
        <p data-testid="boundary-status">
          <Show when={boundary()} fallback={t("map.boundary.none")}>
            {(b) => t("map.boundary.has", { positions: positionsOf(b()), when: b().properties.uploadedAt ? formatDateTime(b().properties.uploadedAt!, locale()) : "—" })}
          </Show>{" "}
          <Show when={boundary()}>
            <A href="/map">{t("map.boundary.onMap")}</A>
          </Show>
        </p>
      </Show>
      <Show when={manage()} fallback={<p class="hint">{t("map.boundary.readOnly")}</p>}>
        <form class="form panel" onSubmit={(e) => void onSubmit(e)} aria-label={t("map.boundary.upload")}>
          <FormError error={error()} paths={fieldPaths()} />
          <div class="field" classList={{ "field-invalid": Boolean(problem()) }}>
            <label for={fileId}>{t("map.boundary.file")}</label>
            <input
              id={fileId}
              name="file"
              type="file"
              accept=".geojson,.json,application/geo+json,application/json"
              aria-invalid={problem() ? "true" : undefined}
              aria-describedby={[`${fileId}-hint`, problem() ? `${fileId}-error` : ""].filter(Boolean).join(" ")}
              onChange={() => { setError(undefined); setMissing(false); }}
            />
            <FieldNotes id={fileId} hint={t("map.boundary.fileHint")} error={problem()} />
          </div>
          <div class="actions">
            <SubmitButton pending={pending()}>{t("map.boundary.upload")}</SubmitButton>
          </div>
        </form>
        <Show when={boundary()}>
          <div class="actions">
            <Show
              when={confirming()}
              fallback={
                <button type="button" class="button button-secondary" onClick={() => setConfirming(true)} disabled={pending()}>
                  {t("map.boundary.remove")}
                </button>
              }
            >
              <button type="button" class="button button-danger" onClick={() => void remove()} disabled={pending()}>
                {t("map.boundary.confirmRemove")}
              </button>
              <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
                {t("map.boundary.cancel")}
              </button>
            </Show>
          </div>
        </Show>
      </Show>
    </section>
  );
}
