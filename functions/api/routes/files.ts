import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Venues } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, json, pathParam, readErrors, signedIn } from "./helpers.ts";

const authed = signedIn("files");
const VenueParams = z.object({ venueId: pathParam("venueId") });
const PhotoParams = z.object({ venueId: pathParam("venueId"), photoId: pathParam("photoId") });

const routes = {
  upload: createRoute({
    method: "post", path: "/v1/venues/{venueId}/photos", summary: "上传照片 / A presigned upload for a venue photo", ...authed,
    description: "PUT the photo to `uploadUrl` with exactly the headers given (JPEG, PNG or WebP, at most 10 MB); then send `key` with the inspection item.",
    request: { params: VenueParams, body: body(Venues.PhotoUploadInput) },
    responses: { 201: json(Venues.PhotoUploadSchema, "Where to upload"), ...readErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/venues/{venueId}/photos/{photoId}", summary: "查看照片 / A presigned link to a venue photo", ...authed,
    request: { params: PhotoParams },
    responses: { 200: json(Venues.PhotoUrlSchema, "A short-lived link"), ...readErrors },
  }),
};

export function fileRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.upload, async (c) => c.json(await Venues.presignPhotoUpload(c.req.valid("json"), c.req.valid("param").venueId), 201))
    .openapi(routes.get, async (c) => c.json(await Venues.presignPhotoGet(c.req.valid("param")), 200));
}
