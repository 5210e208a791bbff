// The script-tag bundle (dist/embed.js, as built) fetches a language's message catalog when the page speaks it, beside
// the elements' code, and not before: an English page downloads no catalog. One loader per target locale of
// lit-localize.json, so the check covers every language the build knows.
import { expect } from '@open-wc/testing';
import { targetLocales } from '../src/generated/locale-codes.js';

/** The first resource entry whose URL matches, as soon as the browser records it (the mocha timeout is the deadline). */
function resourceLoaded(pattern: RegExp): Promise<PerformanceResourceTiming> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntries().find((candidate) => pattern.test(candidate.name));
      if (!entry) return;
      observer.disconnect();
      resolve(entry as PerformanceResourceTiming);
    });
    observer.observe({ type: 'resource', buffered: true });
  });
}

const catalogChunk = (locale: string) => new RegExp(`/embed-chunks/${locale}-[\\w-]+\\.js$`);
const catalogRequests = (locale: string) => performance.getEntriesByType('resource').filter((entry) => catalogChunk(locale).test(entry.name));

describe('embed.js and the languages of the page', () => {
  it('fetches no catalog on an English page, and a language’s catalog once a part of the page speaks it', async function () {
    this.timeout(20_000);
    expect(targetLocales.length, 'lit-localize.json has target locales').to.be.greaterThan(0);
    document.documentElement.lang = 'en';
    const embedUrl = new URL('../dist/embed.js', import.meta.url).href;
    const built = await fetch(embedUrl, { method: 'HEAD' });
    expect(built.ok, 'packages/widgets/dist/embed.js exists (pnpm build runs before the browser tests)').to.be.true;
    await import(/* @vite-ignore */ embedUrl);

    for (const locale of targetLocales) {
      // A fetch started before this moment would be one an English page made.
      const speaking = performance.now();
      const section = document.createElement('section');
      section.innerHTML = `<p lang="${locale}-XX">…</p>`;
      document.body.append(section);
      try {
        const entry = await resourceLoaded(catalogChunk(locale));
        expect(entry.startTime, `the ${locale} catalog was fetched only once the page spoke ${locale}`).to.be.at.least(speaking);
        expect(entry.responseStatus, `the ${locale} catalog was found`).to.equal(200);
        expect(catalogRequests(locale), `the ${locale} catalog fetched once`).to.have.length(1);
      } finally {
        section.remove();
      }
    }
  });
});
