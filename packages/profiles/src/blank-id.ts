/** The id signup and GET /v1/presets know the blank starting point by (apart from blank.ts, so the lazy loader names it without loading it). */
export const BLANK_PRESET_ID = "blank";
