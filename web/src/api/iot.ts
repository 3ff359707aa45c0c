// IoT devices (消防物联网): the county's registry.
import type { IotDevice, IotKey, RegisterIotDeviceInput, RegisteredIotDevice } from "@firegov/core/contract";
import { json, post } from "./http.ts";

export function listIotDevices(): Promise<{ items: IotDevice[] }> {
  return json("/v1/iot/devices");
}

/** The answer holds the device's key secret: shown once, never again. */
export function registerIotDevice(input: RegisterIotDeviceInput): Promise<RegisteredIotDevice> {
  return json("/v1/iot/devices", post(input));
}

export function replaceIotDeviceKey(deviceId: string): Promise<IotKey> {
  return json(`/v1/iot/devices/${encodeURIComponent(deviceId)}/key`, post({}));
}
