/** A board page holds at most this many; so does one bulk request (a browser-safe value: the web's bulk bar uses it). */
export const MAX_BULK = 100;
