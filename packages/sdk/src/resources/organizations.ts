// Aggregators (ISPs, carriers, Systemhaus associations, distributors) and their member resellers.
import {
  MemberPageSchema,
  OrganizationSchema,
  OrganizationSummarySchema,
  type Member,
  type MemberQuery,
  type Organization,
  type OrganizationSummary,
} from '@poly-partner/contract';
import { path, type CallOptions } from '../internal/call-options.js';
import { walkable } from '../internal/page-walk.js';
import { pagePromise, type PagePromise, type WalkablePage } from '../internal/pagination.js';
import type { Transport } from '../internal/transport.js';

/** `client.organizations`: an aggregator and its member resellers. An organization credential reads its own members only. */
export class OrganizationsResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/organizations/{orgId}`: kind, name, country, member count. */
  get(orgId: string, options: CallOptions = {}): Promise<Organization> {
    return this.transport.request({
      method: 'GET',
      path: path`/v1/organizations/${orgId}`,
      schema: OrganizationSchema,
      signal: options.signal,
    });
  }

  /** `GET /v1/organizations/{orgId}/summary`: members per tier, protections ending soon, members close to the next tier, pipeline. */
  summary(orgId: string, options: CallOptions = {}): Promise<OrganizationSummary> {
    return this.transport.request({
      method: 'GET',
      path: path`/v1/organizations/${orgId}/summary`,
      schema: OrganizationSummarySchema,
      signal: options.signal,
    });
  }

  /**
   * `GET /v1/organizations/{orgId}/members`: one page of member resellers, filtered and sorted (`limit` up to 500).
   * The page also walks on: `for await (const member of client.organizations.members(orgId, query))`, or
   * `await page.all()` for every member as one array; later pages are fetched only when reached.
   */
  members(orgId: string, query: MemberQuery = {}, options: CallOptions = {}): PagePromise<Member> {
    const fetchPage = async (cursor: string | undefined, signal: AbortSignal | undefined) =>
      this.transport.request({
        method: 'GET',
        path: path`/v1/organizations/${orgId}/members`,
        query: { ...query, cursor },
        schema: MemberPageSchema,
        signal,
      });
    return pagePromise<Member>(
      fetchPage(query.cursor, options.signal).then((page): WalkablePage<Member> => walkable(page, fetchPage, options.signal)),
    );
  }
}
