// The `fieldAria` directive: what a screen reader hears for a control (invalid or not, and which texts describe it),
// set and cleared as the control's error comes and goes.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { render } from 'lit';
import { fieldAria } from '../src/internal/field-aria.js';

const field = (invalid: boolean, hint: boolean, after?: string) =>
  html`<input id="email" ${fieldAria('email', invalid, hint ? 'a hint' : undefined, after)} />`;

describe('fieldAria', () => {
  afterEach(() => fixtureCleanup());

  it('marks a control invalid and described by its hint, its error and what follows it, in that order', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(field(true, true, 'email-echo'), host);
    const input = host.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint email-error email-echo');
  });

  it('clears both once the error is corrected, keeping the hint, and sets nothing for a plain control', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(field(true, true), host);
    const input = host.querySelector('input')!;
    render(field(false, true), host);
    expect(input.hasAttribute('aria-invalid')).to.be.false;
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint');
    render(field(false, false), host);
    expect(input.hasAttribute('aria-invalid')).to.be.false;
    expect(input.hasAttribute('aria-describedby')).to.be.false;
  });
});
