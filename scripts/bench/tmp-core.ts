import * as core from "@firegov/core";
export const handler = () => Object.keys(core).length;
