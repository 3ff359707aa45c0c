import { AppError, Tenancy, withRequest } from "@firegov/core";
import { getPreset, presetIds } from "@firegov/profiles";

/** Demo counties for `npm start`: one per built-in preset, slug = preset id. Local only. */
export const DEMO_ADMIN = { username: "admin", password: process.env.DEMO_PASSWORD ?? "Demo-fire-2026" };

export async function seedDemoTenants(): Promise<{ slug: string; created: boolean }[]> {
  const seeded = [];
  for (const id of presetIds) {
    const preset = getPreset(id)!;
    try {
      await withRequest({ requestId: "demo-seed", sourceIp: "local" }, () =>
        Tenancy.signup(
          {
            slug: id,
            name: `${preset.name.zh}（演示）`,
            presetId: id,
            admin: { username: DEMO_ADMIN.username, displayName: "演示管理员", email: `admin@${id}.demo.invalid`, password: DEMO_ADMIN.password },
          },
          preset,
        ),
      );
      seeded.push({ slug: id, created: true });
    } catch (err) {
      if (err instanceof AppError && err.code === "tenant.slug_taken") seeded.push({ slug: id, created: false });
      else throw err;
    }
  }
  return seeded;
}
