// The draft store behind the deal form (issue 16, item 10): drafts hold the end customer's contact, so they expire
// 7 days after their last save — read then, they are gone — and other partners' expired drafts are swept.
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DRAFT_MAX_AGE_MS, DraftController } from '../src/internal/draft-controller.js';

const PREFIX = 'poly-partner-widgets:deal-draft:';
const DAY = 24 * 3600 * 1000;

function host(): ReactiveControllerHost & { controllers: ReactiveController[] } {
  const controllers: ReactiveController[] = [];
  return { controllers, addController: (controller) => void controllers.push(controller), removeController: () => {}, requestUpdate: () => {}, updateComplete: Promise.resolve(true) };
}

describe('draft storage', () => {
  let clock = Date.now();
  const controllerFor = (owner: string) =>
    new DraftController<{ contact: string }>(host(), {
      key: () => `${PREFIX}${owner}`,
      parse: (stored) => (typeof (stored as { contact?: unknown })?.contact === 'string' ? (stored as { contact: string }) : undefined),
      now: () => clock,
    });
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  });

  it('keeps a draft for 7 days after its last save, then forgets it', () => {
    expect(DRAFT_MAX_AGE_MS).to.equal(7 * DAY);
    const drafts = controllerFor('ptr_a');
    drafts.save({ contact: 'eva@beispiel.de' });
    drafts.flush();
    clock += 7 * DAY - 1000;
    expect(drafts.load()).to.deep.equal({ contact: 'eva@beispiel.de' });
    clock += 2000;
    expect(drafts.load(), 'past 7 days').to.equal(undefined);
    expect(localStorage.getItem(`${PREFIX}ptr_a`), 'and removed from storage').to.equal(null);
  });

  it("sweeps other owners' expired drafts, and drafts of an older format without a time, keeping fresh ones", async () => {
    const old = controllerFor('ptr_old');
    old.save({ contact: 'old@beispiel.de' });
    old.flush();
    clock += 8 * DAY;
    const fresh = controllerFor('ptr_fresh');
    fresh.save({ contact: 'fresh@beispiel.de' });
    fresh.flush();
    localStorage.setItem(`${PREFIX}ptr_unversioned`, JSON.stringify({ contact: 'kept@forever.de' }));
    localStorage.setItem('host-page-key', 'not ours');

    const current = controllerFor('ptr_current');
    expect(current.load()).to.equal(undefined);
    await waitUntil(() => localStorage.getItem(`${PREFIX}ptr_old`) === null, 'the expired draft is swept in idle time', { timeout: 3000 });
    expect(localStorage.getItem(`${PREFIX}ptr_unversioned`), 'a draft without a time counts as expired').to.equal(null);
    expect(localStorage.getItem(`${PREFIX}ptr_fresh`)).to.contain('fresh@beispiel.de');
    expect(localStorage.getItem('host-page-key'), "the host page's own keys stay").to.equal('not ours');
    localStorage.removeItem('host-page-key');
  });

  it('clear() removes the draft (the form calls it after a successful registration)', () => {
    const drafts = controllerFor('ptr_b');
    drafts.save({ contact: 'x@beispiel.de' });
    drafts.flush();
    drafts.clear();
    expect(localStorage.getItem(`${PREFIX}ptr_b`)).to.equal(null);
  });
});
