// The widgets under a strict Content Security Policy (no inline styles, no eval): nothing they render is blocked.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../src/components/next-tier-checklist/next-tier-checklist.js';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import type { NextTierChecklist } from '../src/components/next-tier-checklist/next-tier-checklist.js';
import { mount, textOf } from '../../../test/support/browser/mount.js';
import { clientFor, demoReseller, publishableClient, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

const violations: SecurityPolicyViolationEvent[] = [];

/**
 * Adds an element with an inline style, which the policy blocks, and waits for its report. Reports arrive in order,
 * so once the probe's has arrived, every violation caused before it has been reported too.
 */
async function probeViolation(): Promise<void> {
  const count = violations.length;
  const probe = document.createElement('div');
  probe.setAttribute('style', 'color: red');
  document.body.append(probe);
  await waitUntil(() => violations.length > count, 'the probe to be reported');
  probe.remove();
}

describe('widgets under a strict CSP', () => {
  before(startSandboxFirst);
  before(() => {
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event));
    // A policy added by script applies from then on, to this test file's page only.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'; script-src 'self'";
    document.head.append(meta);
  });
  afterEach(() => fixtureCleanup());

  it('reports a blocked inline style (the check itself works)', async () => {
    const before = violations.length;
    await probeViolation();
    expect(violations.length - before).to.equal(1);
  });

  it('renders the badge and the checklist, with its what-if panel, without a violation', async () => {
    const before = violations.length;
    const { client, partnerId } = await publishableClient();
    const badge = await mount('partner-tier-badge', { 'partner-id': partnerId, size: 'large', variant: 'dark' }, client);
    await badge.ready;

    const reseller = await demoReseller(/protected/i);
    const checklist = await mount<NextTierChecklist>('next-tier-checklist', { 'partner-id': reseller.partnerId }, await clientFor({ partnerId: reseller.partnerId }));
    await checklist.ready;
    checklist.el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="what-if"]')!.open = true;
    const field = checklist.el.shadowRoot!.querySelector<HTMLInputElement>('[name="certified_technical"]')!;
    field.value = '9';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await checklist.el.updateComplete;
    await probeViolation();

    expect(textOf(badge.el)).to.contain('Sandbox badge, not issued by Poly');
    expect(textOf(checklist.el)).to.contain('Projected tier');
    // Only the probe's own report: nothing the widgets rendered was blocked.
    expect(violations.slice(before).map((event) => `${event.violatedDirective}: ${event.sample}`)).to.have.length(1);
  });
});
