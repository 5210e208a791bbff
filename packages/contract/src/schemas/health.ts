// Liveness answer of `GET /healthz`.
import * as z from 'zod/mini';

export const HealthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof HealthSchema>;
