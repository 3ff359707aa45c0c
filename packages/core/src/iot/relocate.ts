import { useTenant } from "../context/actor.ts";
import { inSubtree, packGroups, rebased, type MovedWith } from "../jurisdiction/index.ts";
import { allDevices } from "./devices.ts";

/**
 * A node moved in the tree takes its IoT devices along: each device under the
 * old path gets the new one (conditioned on the path read, so a device
 * already moved by an interrupted run is left as it is). Alarms read the
 * node again, so only the device lists' subtree filter needs this.
 */
export async function devicesMovedWith(oldPath: string, newPath: string, maxItems: number): Promise<MovedWith> {
  const tenantId = useTenant();
  const devices = (await allDevices()).filter((d) => inSubtree(d.path, oldPath));
  return packGroups(
    devices.map((d) => ({
      size: 1,
      items: (tx) => [
        tx.iotDevice
          .patch({ tenantId, deviceId: d.deviceId })
          .set({ path: rebased(d.path, oldPath, newPath) })
          .where((a, op) => op.eq(a.path, d.path))
          .commit(),
      ],
    })),
    maxItems,
  );
}
