// Browser validators of schemas/event.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
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

export const EventSchema: Validator<PartnerEvent> = /*#__PURE__*/ validator(EventJsonSchema);
export const EventPageSchema: Validator<EventPage> = /*#__PURE__*/ validator(EventPageJsonSchema);
export const WebhookDeliverySchema: Validator<WebhookDelivery> = /*#__PURE__*/ validator(WebhookDeliveryJsonSchema);
export const WebhookDeliveryListSchema: Validator<WebhookDeliveryList> = /*#__PURE__*/ validator(WebhookDeliveryListJsonSchema);
export const WebhookEndpointSchema: Validator<WebhookEndpoint> = /*#__PURE__*/ validator(WebhookEndpointJsonSchema);
export const WebhookEndpointListSchema: Validator<WebhookEndpointList> = /*#__PURE__*/ validator(WebhookEndpointListJsonSchema);
export const WebhookEndpointWithSecretSchema: Validator<WebhookEndpointWithSecret> = /*#__PURE__*/ validator(WebhookEndpointWithSecretJsonSchema);
