// 消防物联网 (a county document's IoT clause): devices registered per county with their
// signing keys, the signed intake of alarms and heartbeats (HMAC-SHA256,
// timestamp window, replays refused), alarms raising hazards or notifying
// per the profile's `iot` section, repeated alarms attached to the open
// hazard, false alarms counted per device, offline devices as findings.
// The domain's entities join the table's one service when the domain loads.
import "./iot.entity.ts";
export { IOT_HEADERS, IOT_CLOCK_SKEW_SECONDS, sign, newKey, tenantOfKeyId } from "./signature.ts";
export {
  registerDevice,
  updateDevice,
  replaceDeviceKey,
  issueIntegratorKey,
  getDevice,
  listDevices,
  RegisterDeviceInput,
  UpdateDeviceInput,
  IssueIntegratorKeyInput,
  IotDeviceSchema,
  IotDeviceListSchema,
  IotKeySchema,
  RegisteredDeviceSchema,
  type IotDeviceView,
  type IotKeyView,
} from "./devices.ts";
export { receiveAlarm, receiveHeartbeat, attachTo, AlarmInput, HeartbeatInput, AlarmReceiptSchema, HeartbeatReceiptSchema, type AlarmReceipt, type SignedRequest } from "./intake.ts";
export { listEpisodes, closeEpisode, offlineFindings, CloseEpisodeInput, EpisodeSchema, EpisodeListSchema, OfflineFindingSchema, OfflineFindingListSchema, type EpisodeView, type OfflineFinding } from "./episodes.ts";
export { deviceStatus, heartbeatBasis, DeviceStatusSchema, type DeviceStatus } from "./status.ts";

// A node moved in the tree takes its devices along; the tree calls this without importing iot.
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { devicesMovedWith } from "./relocate.ts";
moveWithSubtree("iot", devicesMovedWith);
