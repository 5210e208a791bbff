// Browser validators of schemas/event.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import {
  fromSafeParse,
  jsonSchemaValidator as validator,
  type JsonSchema,
  type ValidationIssue,
  type Validator,
} from '../json-schema/validator.js';
import { EventJsonSchema } from '../generated/json-schemas/event.js';
import { EventPageJsonSchema } from '../generated/json-schemas/event-page.js';
import { WebhookDeliveryJsonSchema } from '../generated/json-schemas/webhook-delivery.js';
import { WebhookDeliveryListJsonSchema } from '../generated/json-schemas/webhook-delivery-list.js';
import { WebhookEndpointJsonSchema } from '../generated/json-schemas/webhook-endpoint.js';
import { WebhookEndpointListJsonSchema } from '../generated/json-schemas/webhook-endpoint-list.js';
import { WebhookEndpointWithSecretJsonSchema } from '../generated/json-schemas/webhook-endpoint-with-secret.js';
import type {
  EventPage,
  PartnerEvent,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from '../schemas/event.js';

const failed = (issues: ValidationIssue[]) => ({ success: false as const, error: { issues } });

/**
 * `z.discriminatedUnion('type', …)`: the branch the value's `type` names answers, with its own issues, as zod's does.
 * The core validator, which every widget page carries, knows plain unions only; only this module needs this one.
 */
function discriminatedOnType<T>(union: JsonSchema): Validator<T> {
  const branches = new Map(union.oneOf!.map((branch) => [branch.properties!['type']!.const, validator<T>(branch)]));
  return fromSafeParse((data) => {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      const received = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data;
      return failed([{ code: 'invalid_type', path: [], message: `Invalid input: expected object, received ${received}` }]);
    }
    const branch = branches.get((data as { type?: unknown }).type);
    return branch ? branch.safeParse(data) : failed([{ code: 'invalid_union', path: ['type'], message: 'No matching discriminator' }]);
  });
}

export const EventSchema: Validator<PartnerEvent> = /*#__PURE__*/ discriminatedOnType(EventJsonSchema);

/** A page of events: the page's own fields by its schema, each item as `EventSchema` (issues in zod's order). */
function eventPageValidator(): Validator<EventPage> {
  const page = validator<EventPage>({ ...EventPageJsonSchema, properties: { ...EventPageJsonSchema.properties, items: { type: 'array' } } });
  return fromSafeParse((data) => {
    const result = page.safeParse(data);
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) return result;
    const issues: ValidationIssue[] = [];
    const parsed = items.map((item, index) => {
      const one = EventSchema.safeParse(item);
      if (one.success) return one.data;
      issues.push(...one.error.issues.map((issue) => ({ ...issue, path: ['items', index, ...issue.path] })));
      return item;
    });
    if (!result.success) return failed([...issues, ...result.error.issues]);
    return issues.length > 0 ? failed(issues) : { success: true, data: { ...result.data, items: parsed } as EventPage };
  });
}

export const EventPageSchema: Validator<EventPage> = /*#__PURE__*/ eventPageValidator();
export const WebhookDeliverySchema: Validator<WebhookDelivery> = /*#__PURE__*/ validator(WebhookDeliveryJsonSchema);
export const WebhookDeliveryListSchema: Validator<WebhookDeliveryList> = /*#__PURE__*/ validator(WebhookDeliveryListJsonSchema);
export const WebhookEndpointSchema: Validator<WebhookEndpoint> = /*#__PURE__*/ validator(WebhookEndpointJsonSchema);
export const WebhookEndpointListSchema: Validator<WebhookEndpointList> = /*#__PURE__*/ validator(WebhookEndpointListJsonSchema);
export const WebhookEndpointWithSecretSchema: Validator<WebhookEndpointWithSecret> = /*#__PURE__*/ validator(WebhookEndpointWithSecretJsonSchema);
