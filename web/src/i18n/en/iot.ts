/**
 * UI strings, en. IoT devices: the device list and the register form.
 */
import type zh from "../zh/iot.ts";

const en: typeof zh = {
  iot: {
    title: "IoT devices",
    intro: "Register smoke detectors, electrical fire monitors, water pressure sensors and other fire IoT devices; their alarms raise hazards or notify the node's officers as the profile says.",
    empty: "No device registered yet.",
    device: "Device",
    type: "Type",
    connection: "Status",
    lastSeen: "Last heard",
    alarms: "Alarms",
    falseAlarms: "False alarms",
    never: "Never",
    state: { online: "Online", offline: "Offline", retired: "Retired", unknown: "Not set" },
    offlineBasis: "Basis: {{rule}}",
    registerTitle: "Register a device",
    deviceId: "Device id",
    deviceIdHint: "The device's own serial, as its alarms name it",
    name: "Name",
    typeChoose: "Choose a device type",
    node: "Area",
    nodeChoose: "Choose a node",
    lat: "Latitude (WGS-84)",
    lng: "Longitude (WGS-84)",
    integrator: "Integrator id",
    integratorHint: "When an integrator's platform signs for the device",
    register: "Register",
    secretTitle: "Device key (shown once)",
    secretHint: "Copy it into the device or the integrator's platform now: it cannot be shown again; a lost key is replaced.",
    keyId: "Key id",
    secret: "Secret",
    done: "I have saved it",
    notInProfile: "This county's profile sets no IoT sensing: devices cannot be registered.",
  },
};
export default en;
