// The portal's "What changed" section: the events its backend received as signed webhooks, one sentence each in the
// page's language, polled every few seconds; and the button that moves the sandbox clock so that something happens.
import type { FeedEvent } from '../server/event-feed.js';
import { siteText } from '../shared/demo-config.js';

type Tier = 'register' | 'silver' | 'gold' | 'platinum';
type DealStatus = Extract<FeedEvent, { type: 'deal.status.changed' }>['data']['status'];
type DealType = Extract<FeedEvent, { type: 'deal.status.changed' }>['data']['type'];
interface Text {
  en: string;
  de: string;
}

const POLL_MS = 3000;

/** Official names, the same in every language (GLOSSARY.md). */
const TIER: Record<Tier, string> = { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };
/** Inside a sentence, so lower case where the language allows it. */
const DEAL_STATUS: Record<DealStatus, Text> = {
  submitted: { en: 'submitted', de: 'eingereicht' },
  under_review: { en: 'under review', de: 'in Prüfung' },
  approved: { en: 'approved', de: 'genehmigt' },
  rejected: { en: 'rejected', de: 'abgelehnt' },
  won: { en: 'won', de: 'gewonnen' },
  lost: { en: 'lost', de: 'verloren' },
  expired: { en: 'expired', de: 'abgelaufen' },
  withdrawn: { en: 'withdrawn', de: 'zurückgezogen' },
};
const DEAL_TYPE: Record<DealType, Text> = {
  opportunity: { en: 'opportunity', de: 'Verkaufschance' },
  deal: { en: 'deal', de: 'Deal' },
  project: { en: 'project', de: 'Projekt' },
};

/** "Register" alone reads as a command: it is named as a tier. */
function protectionText(name: string, tier: Tier | null, days: number): Text {
  if (tier === null || tier === 'register') {
    return {
      en: `${name}: status protection for the Register tier ends in ${days} days`,
      de: `${name}: Statusschutz für die Stufe Register endet in ${days} Tagen`,
    };
  }
  return { en: `${name}: ${TIER[tier]} protection ends in ${days} days`, de: `${name}: ${TIER[tier]}-Statusschutz endet in ${days} Tagen` };
}

/** One sentence per event, in both languages. */
export function eventText(event: FeedEvent): Text {
  const name = event.partnerName ?? event.data.partnerId;
  switch (event.type) {
    case 'partner.protection.ending':
      return protectionText(name, event.data.protectedTier, event.data.daysLeft);
    case 'partner.tier.changed': {
      const { effectiveTier: now, previousEffectiveTier: before, earnedTier, previousEarnedTier } = event.data;
      if (event.data.reason === 'protection_ended') {
        return {
          en: `${name}: status protection ended, now ${TIER[now]} (was ${TIER[before]})`,
          de: `${name}: Statusschutz beendet, jetzt ${TIER[now]} (vorher ${TIER[before]})`,
        };
      }
      if (now !== before) return { en: `${name} is now ${TIER[now]} (was ${TIER[before]})`, de: `${name} ist jetzt ${TIER[now]} (vorher ${TIER[before]})` };
      return {
        en: `${name}: ${TIER[earnedTier]} earned by its results (was ${TIER[previousEarnedTier]}), current tier stays ${TIER[now]}`,
        de: `${name}: ${TIER[earnedTier]} durch seine Ergebnisse erreicht (vorher ${TIER[previousEarnedTier]}), aktuelle Stufe bleibt ${TIER[now]}`,
      };
    }
    case 'deal.status.changed': {
      const { type, reference, customer, status, previousStatus } = event.data;
      const kind = DEAL_TYPE[type];
      const what = { en: `${kind.en} ${reference} for ${customer.name}`, de: `${kind.de} ${reference} für ${customer.name}` };
      if (previousStatus === null) {
        return { en: `${name}: new ${what.en}, ${DEAL_STATUS[status].en}`, de: `${name}: neue Registrierung, ${what.de}, ${DEAL_STATUS[status].de}` };
      }
      return {
        en: `${name}: ${what.en} is now ${DEAL_STATUS[status].en} (was ${DEAL_STATUS[previousStatus].en})`,
        de: `${name}: ${what.de} ist jetzt ${DEAL_STATUS[status].de} (vorher ${DEAL_STATUS[previousStatus].de})`,
      };
    }
    case 'badge.revoked':
      if (event.data.reason === 'left_program') {
        return { en: `${name}: partner badge revoked, left the program`, de: `${name}: Partnerabzeichen widerrufen, hat das Programm verlassen` };
      }
      return { en: `${name}: partner badge revoked`, de: `${name}: Partnerabzeichen widerrufen` };
  }
}

const dateText = (iso: string): Text => ({
  en: new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso)),
  de: new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date(iso)),
});

function eventItem(event: FeedEvent): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.eventId = event.id;
  const date = dateText(event.occurredAt);
  const time = siteText(document.createElement('time'), date.en, date.de);
  time.dateTime = event.occurredAt;
  const text = eventText(event);
  item.append(time, ' ', siteText(document.createElement('span'), text.en, text.de));
  return item;
}

/** Shows the feed of `orgId` in the section's elements and keeps it up to date. */
export function startWhatChanged(orgId: string): void {
  const list = document.getElementById('event-list') as HTMLOListElement;
  const state = document.getElementById('event-feed-state')!;
  const button = document.getElementById('advance-clock') as HTMLButtonElement;
  const status = document.getElementById('clock-status')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failedBefore = false;

  const show = (events: FeedEvent[]) => {
    // Only new events go in, at the top: the log region reads out what was added, not the whole list again.
    const shown = new Set([...list.children].map((item) => (item as HTMLElement).dataset.eventId));
    const fresh = events.filter((event) => !shown.has(event.id));
    const wanted = new Set(events.map((event) => event.id));
    for (const item of [...list.children] as HTMLElement[]) if (!wanted.has(item.dataset.eventId ?? '')) item.remove();
    // Newest first: the answer's order, kept by inserting each before the first older item already shown.
    for (const event of fresh.reverse()) {
      const index = events.indexOf(event);
      const next = events.slice(index + 1).find((older) => shown.has(older.id));
      const before = next ? list.querySelector(`[data-event-id="${CSS.escape(next.id)}"]`) : null;
      list.insertBefore(eventItem(event), before);
      shown.add(event.id);
    }
    if (events.length === 0) {
      siteText(state, 'No changes yet. Move the sandbox clock forward to make some happen.', 'Noch keine Änderungen. Stellen Sie die Sandbox-Uhr vor, damit sich etwas ändert.');
      state.hidden = false;
    } else {
      state.hidden = true;
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(`/api/events?org=${encodeURIComponent(orgId)}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      show(((await response.json()) as { events: FeedEvent[] }).events);
      failedBefore = false;
    } catch {
      if (!failedBefore) {
        siteText(state, 'The changes could not be loaded; trying again.', 'Die Änderungen konnten nicht geladen werden; neuer Versuch läuft.');
        state.hidden = false;
      }
      failedBefore = true;
    } finally {
      clearTimeout(timer);
      timer = setTimeout(() => void poll(), POLL_MS);
    }
  };

  let moving = false;
  button.addEventListener('click', () => {
    if (moving) return;
    moving = true;
    button.setAttribute('aria-disabled', 'true');
    siteText(status, 'Moving the sandbox clock…', 'Die Sandbox-Uhr wird vorgestellt …');
    fetch('/api/clock', { method: 'POST' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { now } = (await response.json()) as { now: string };
        const date = {
          en: new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(now)),
          de: new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(new Date(now)),
        };
        siteText(
          status,
          `The sandbox clock now reads ${date.en}. Changes show below within a few seconds.`,
          `Die Sandbox-Uhr zeigt jetzt den ${date.de}. Änderungen erscheinen in wenigen Sekunden unten.`,
        );
        void poll();
      })
      .catch(() => siteText(status, 'The sandbox clock could not be moved. Is the sandbox running?', 'Die Sandbox-Uhr konnte nicht vorgestellt werden. Läuft die Sandbox?'))
      .finally(() => {
        moving = false;
        button.removeAttribute('aria-disabled');
      });
  });

  void poll();
}
