// The parts of the OpenAPI 3.1 object model that the generated document uses.

/** A JSON Schema 2020-12 schema, as `z.toJSONSchema` emits it. */
export type SchemaObject = { [keyword: string]: unknown };

export interface ReferenceObject {
  $ref: string;
  summary?: string;
  description?: string;
}

export interface InfoObject {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  contact?: { name?: string; url?: string; email?: string };
  license?: { name: string; identifier?: string; url?: string };
}

export interface ServerObject {
  url: string;
  description?: string;
}

export interface TagObject {
  name: string;
  description?: string;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  description?: string;
  required?: boolean;
  schema: SchemaObject | ReferenceObject;
  example?: unknown;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: SchemaObject | ReferenceObject;
}

export interface MediaTypeObject {
  schema: SchemaObject | ReferenceObject;
  example?: unknown;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  content?: Record<string, MediaTypeObject>;
}

/** Requirement of one credential kind; for bearer schemes the list holds the embed-token scopes it needs. */
export type SecurityRequirementObject = Record<string, string[]>;

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: SecurityRequirementObject[];
  parameters?: (ParameterObject | ReferenceObject)[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | ReferenceObject>;
}

export interface PathItemObject {
  parameters?: (ParameterObject | ReferenceObject)[];
  get?: OperationObject;
  post?: OperationObject;
  delete?: OperationObject;
}

export type SecuritySchemeObject =
  | { type: 'http'; scheme: 'bearer'; bearerFormat?: string; description?: string; 'x-scopes'?: Record<string, string> }
  | { type: 'apiKey'; in: 'query' | 'header' | 'cookie'; name: string; description?: string };

export interface ComponentsObject {
  schemas: Record<string, SchemaObject>;
  parameters: Record<string, ParameterObject>;
  headers: Record<string, HeaderObject>;
  responses: Record<string, ResponseObject>;
  securitySchemes: Record<string, SecuritySchemeObject>;
}

export interface OpenAPIObject {
  openapi: '3.1.0';
  info: InfoObject;
  servers: ServerObject[];
  tags: TagObject[];
  security: SecurityRequirementObject[];
  paths: Record<string, PathItemObject>;
  components: ComponentsObject;
}
