import { createResource, createSignal, For, Show } from "solid-js";
import type { IotDevice, RegisteredIotDevice } from "@firegov/core/contract";
import { listIotDevices, registerIotDevice } from "../../api/iot.ts";
import { listNodes } from "../../api/nodes.ts";
import { getCurrentProfile } from "../../api/profiles.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { fieldError, FormError, Notice, SelectField, SubmitButton, TextField } from "../../components/form.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatDay } from "../inspections/labels.ts";

const FIELDS = ["body.deviceId", "body.name", "body.type", "body.nodeId", "body.lat", "body.lng", "body.integrator"] as const;

/**
 * 物联网设备 (对接与推送): the county's devices with their status (online or
 * offline under the profile's heartbeat window, last heard, alarms, false
 * alarms), and for the county admin the register form; a new device's key
 * secret is shown once, then never again.
 */
export default function IotDevicesPage() {
  const { t, locale } = useI18n();
  const mayManage = () => {
    const user = signedInUser();
    return user !== undefined && can(user.role, "iot.manage");
  };
  const [devices, { refetch }] = createResource(() => listIotDevices());
  const [profile] = createResource(mayManage, () => getCurrentProfile());
  const [nodes] = createResource(mayManage, () => listNodes({ limit: 200 }));
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [registered, setRegistered] = createSignal<RegisteredIotDevice>();
  const types = () => profile()?.profile.iot?.deviceTypes ?? [];
  const name = (label: { zh: string; en: string } | undefined) => (label ? (locale() === "en" ? label.en : label.zh) : "");

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = Object.fromEntries(new FormData(form).entries()) as Record<string, string>;
    setPending(true);
    setError(undefined);
    try {
      const made = await registerIotDevice({
        deviceId: v.deviceId ?? "",
        type: v.type ?? "",
        nodeId: v.nodeId || undefined,
        lat: Number(v.lat),
        lng: Number(v.lng),
        ...(v.name ? { name: v.name } : {}),
        ...(v.integrator ? { integrator: v.integrator } : {}),
      });
      setRegistered(made);
      form.reset();
      await refetch();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const status = (d: IotDevice) => (
    <span class="badge" classList={{ "badge-ok": d.connection.state === "online", "badge-warn": d.connection.state === "offline", "badge-muted": d.connection.state === "retired" || d.connection.state === "unknown" }}>
      {t(`iot.state.${d.connection.state}`) as string}
    </span>
  );

  return (
    <>
      <SectionTabs section="integrations" />
      <section class="card">
        <h1>{t("iot.title")}</h1>
        <p class="hint">{t("iot.intro")}</p>
        <Show when={devices()} fallback={<p class="hint">{t("form.loading")}</p>}>
          <Show when={devices()!.items.length} fallback={<p class="hint">{t("iot.empty")}</p>}>
            <div class="table-scroll">
              <table data-testid="iot-devices">
                <thead>
                  <tr>
                    <th scope="col">{t("iot.device")}</th>
                    <th scope="col">{t("iot.type")}</th>
                    <th scope="col">{t("iot.connection")}</th>
                    <th scope="col">{t("iot.lastSeen")}</th>
                    <th scope="col">{t("iot.alarms")}</th>
                    <th scope="col">{t("iot.falseAlarms")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={devices()!.items}>
                    {(d) => (
                      <tr>
                        <th scope="row">
                          {d.name ?? d.deviceId}
                          <Show when={d.name}>
                            <br />
                            <span class="hint">{d.deviceId}</span>
                          </Show>
                        </th>
                        <td>{name(d.typeName) || d.type}</td>
                        <td>
                          {status(d)}
                          <Show when={d.connection.state === "offline" && d.connection.basis}>
                            {(basis) => <p class="hint">{t("iot.offlineBasis", { rule: basis().sourceRef ?? basis().assumption?.zh ?? basis().rule })}</p>}
                          </Show>
                        </td>
                        <td>{d.lastSeenAt ? formatDay(d.lastSeenAt, locale()) : t("iot.never")}</td>
                        <td>{d.alarms}</td>
                        <td>{d.falseAlarms}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </Show>
      </section>

      <Show when={registered()?.key}>
        {(key) => (
          <section class="card" role="status" data-testid="iot-secret">
            <h2>{t("iot.secretTitle")}</h2>
            <Notice tone="warning">{t("iot.secretHint")}</Notice>
            <dl>
              <dt>{t("iot.keyId")}</dt>
              <dd>
                <code>{key().keyId}</code>
              </dd>
              <dt>{t("iot.secret")}</dt>
              <dd>
                <code>{key().secret}</code>
              </dd>
            </dl>
            <button type="button" class="button button-secondary" onClick={() => setRegistered(undefined)}>
              {t("iot.done")}
            </button>
          </section>
        )}
      </Show>

      <Show when={mayManage()}>
        <section class="card">
          <h2>{t("iot.registerTitle")}</h2>
          <Show when={profile() && !profile()!.profile.iot}>
            <Notice tone="warning">{t("iot.notInProfile")}</Notice>
          </Show>
          <form onSubmit={submit} novalidate>
            <FormError error={error()} paths={FIELDS} />
            <TextField label={t("iot.deviceId")} name="deviceId" required hint={t("iot.deviceIdHint")} error={fieldError(error(), "body.deviceId")} />
            <TextField label={t("iot.name")} name="name" optional error={fieldError(error(), "body.name")} />
            <SelectField label={t("iot.type")} name="type" required error={fieldError(error(), "body.type")}>
              <option value="">{t("iot.typeChoose")}</option>
              <For each={types()}>{(type) => <option value={type.id}>{name(type.name)}</option>}</For>
            </SelectField>
            <SelectField label={t("iot.node")} name="nodeId" required error={fieldError(error(), "body.nodeId")}>
              <option value="">{t("iot.nodeChoose")}</option>
              <For each={nodes()?.items ?? []}>{(n) => <option value={n.nodeId}>{n.name}</option>}</For>
            </SelectField>
            <TextField label={t("iot.lat")} name="lat" inputmode="decimal" required error={fieldError(error(), "body.lat")} />
            <TextField label={t("iot.lng")} name="lng" inputmode="decimal" required error={fieldError(error(), "body.lng")} />
            <TextField label={t("iot.integrator")} name="integrator" optional hint={t("iot.integratorHint")} error={fieldError(error(), "body.integrator")} />
            <SubmitButton pending={pending()}>{t("iot.register")}</SubmitButton>
          </form>
        </section>
      </Show>
    </>
  );
}
