// 双随机、一公开: random spot checks. Each period the body a profile rule names
// draws venues and, for each, inspectors at random (seeded, reproducible,
// recorded); the drawn inspectors get the task; the draws and their results
// are public.
// The domain's entities join the table's one service when the domain loads.
import "./draw.entity.ts";
export { DRAW_ALGORITHM, drawSpotCheck, drawCount, generatorOf, sfc32, below, sample, type DrawSize, type Pick } from "./draw.ts";
export { runDraw, listDraws, getDraw, publicDraws, RunDrawInput, DrawParams, ListDrawsInput, PublicDrawsInput, MAX_DRAWN, MAX_POOL } from "./draws.ts";
export { DrawViewSchema, DrawPageSchema, PublicDrawSchema, PublicDrawPageSchema, DrawOutcome, type DrawView, type PublicDrawView, type PublicDrawPage } from "./views.ts";
