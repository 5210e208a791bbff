// <partner-member-overview> under a strict style CSP (`style-src 'self'`), as on a locked-down host portal: the
// chart, the windowed list and the detail panel work without a single blocked style.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../src/components/partner-member-overview/partner-member-overview.js';
import type { PartnerMemberOverview } from '../src/components/partner-member-overview/partner-member-overview.js';
import { mount, part } from '../../../test/support/browser/mount.js';
import { clientFor, sandboxConfig } from '../../../test/support/browser/sandbox.js';

const violations: SecurityPolicyViolationEvent[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event));

describe('<partner-member-overview> under a strict style CSP', () => {
  before(async function () {
    this.timeout(120_000);
    await sandboxConfig();
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
  });
  afterEach(() => fixtureCleanup());

  it('the policy is in force: an inline style attribute is blocked', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<span style="color: red">probe</span>';
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'a violation for the probe');
    expect(getComputedStyle(probe.firstElementChild!).color).to.not.equal('rgb(255, 0, 0)');
    probe.remove();
    violations.length = 0;
  });

  it('renders summary, list, scrolling and the checklist without a blocked style', async function () {
    this.timeout(20_000);
    const { credentials } = await sandboxConfig();
    const org = credentials.organizations[0]!;
    const client = await clientFor({ orgId: org.orgId });
    const { el, ready } = await mount<PartnerMemberOverview>('partner-member-overview', { 'org-id': org.orgId }, client);
    await ready;
    part(el, 'grid')!.scrollIntoView();
    await waitUntil(() => el.shadowRoot!.querySelector("[role='row'][data-index]"), 'rows');
    const body = el.shadowRoot!.querySelector<HTMLElement>('.grid__body')!;
    body.scrollTop = body.scrollHeight / 2;
    el.shadowRoot!.querySelector<HTMLElement>("[role='row'][data-index]")!.click();
    await el.updateComplete;
    const checklist = el.shadowRoot!.querySelector('next-tier-checklist')!;
    await waitUntil(() => checklist.shadowRoot?.querySelector('[part~="checklist"], [part~="tiers"]'), 'checklist', { timeout: 8000 });
    // Styles still apply (constructable stylesheets are not inline styles): the bars have their width attribute.
    expect(el.shadowRoot!.querySelector('.tier-bar__fill')!.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(violations.map((event) => `${event.violatedDirective} ${event.sample}`)).to.deep.equal([]);
  });
});
