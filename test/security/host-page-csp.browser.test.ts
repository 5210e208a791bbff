// The widgets load and work on a host page with a strict Content Security Policy and Trusted Types enforced
// (the policy packages/widgets/README.md recommends). web-test-runner cannot send headers per test, so the policy
// comes as a <meta> before the widgets are imported, and probes prove it is enforced.
import { expect, waitUntil } from '@open-wc/testing';
import { sandboxConfig, startSandboxFirst } from '../support/browser/sandbox.js';

const violations: SecurityPolicyViolationEvent[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event));

async function reported(count: number, what: string): Promise<void> {
  await waitUntil(() => violations.length > count, `${what} to be reported`);
}

describe('widgets on a page with a strict CSP and Trusted Types', function () {
  before(startSandboxFirst);
  before(async () => {
    const { baseUrl } = await sandboxConfig();
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src 'self' ${baseUrl}`,
      `img-src 'self' ${baseUrl}`,
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
    ].join('; ');
    document.head.append(meta);
  });

  it('enforces the policy: an inline style and a raw innerHTML are blocked (the probes work)', async () => {
    const before = violations.length;
    const styled = document.createElement('div');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    await reported(before, 'the inline style');
    styled.remove();

    expect(() => {
      document.createElement('div').innerHTML = '<b>raw markup</b>';
    }, 'a string assigned to innerHTML').to.throw(TypeError);
    await waitUntil(() => violations.some((event) => event.effectiveDirective === 'require-trusted-types-for'), 'the Trusted Types violation to be reported');
    expect(violations.slice(before).map((event) => event.effectiveDirective)).to.include.members(['style-src-attr', 'require-trusted-types-for']);
  });

  it('loads the widgets after the policy and renders all five without a violation', async function () {
    this.timeout(60_000);
    await import('@poly-partner/widgets');
    const { WIDGETS, showWidget, visibleText } = await import('../support/widgets.js');
    const before = violations.length;
    const shown: HTMLElement[] = [];
    for (const widget of WIDGETS) shown.push(await showWidget(widget));

    // The what-if panel renders more markup on input: it must pass the policy too.
    const checklist = shown[1]!;
    checklist.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="what-if"]')!.open = true;
    const field = checklist.shadowRoot!.querySelector<HTMLInputElement>('[name="certified_technical"]')!;
    field.value = '9';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => /Projected tier/.test(visibleText(checklist)), 'the simulation');

    // One more probe, so that every violation caused by the widgets has been reported before we count.
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await reported(before, 'the probe');
    probe.remove();
    const caused = violations.slice(before).map((event) => `${event.effectiveDirective}: ${event.sample || event.blockedURI}`);
    expect(caused, 'only the probe was blocked').to.have.length(1);
    for (const [index, el] of shown.entries()) expect(visibleText(el), WIDGETS[index]!.tag).to.match(WIDGETS[index]!.loaded.en);
    for (const el of shown) el.remove();
  });
});
