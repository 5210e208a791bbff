// Base class of every widget: resolves client and language, renders in the widget's locale, loads data with
// @lit/task and turns failures into the shared error state plus a `partner-error` event.
import { initialState, Task, TaskStatus } from '@lit/task';
import type { PartnerClient } from '@poly-partner/sdk';
import { LitElement, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { PartnerErrorEvent } from '../events/partner-error-event.js';
import { PartnerReadyEvent } from '../events/partner-ready-event.js';
import { LocaleController } from '../localization/locale-controller.js';
import { msg, renderInLocale, str } from '../localization/localization.js';
import { ClientController } from './client-controller.js';
import { warmUpFormatters } from './format.js';
import { asPartnerApiError, errorMessage, renderError, renderLoading, stateStyles } from './state-view.js';
import { tokenStyles } from './tokens.styles.js';

/** How widgets fail on public websites and name setup mistakes: loaded when one first does (see `renderTask`). */
let failures: Promise<typeof import('./setup-problems.js')> | undefined;
let failureViews: typeof import('./setup-problems.js') | undefined;

export abstract class PartnerElement extends LitElement {
  /**
   * Shared tokens and state views; a widget adds its own: `[PartnerElement.styles, myStyles]`, and `tierStyles` if it
   * shows tier icons (internal/tier.ts: not in the core chunk, so that the deal pages, which show none, skip it).
   */
  static override styles: CSSResultGroup = [tokenStyles, stateStyles];

  /** An API client for this widget only; wins over `<partner-config>`. */
  @property({ attribute: false }) client?: PartnerClient;

  /** Client, partner and organization as resolved from this widget and the page. */
  protected readonly settings = new ClientController(this);

  /** The language this widget renders in: `localization.lang` for Intl, `localization.locale` for messages. */
  protected readonly localization = new LocaleController(this, () => this.settings.configLang);

  /**
   * On a public website (a publishable key), what a failing widget shows: `image` (the default: the badge as a static
   * image where there is one, else nothing), `hide` (nothing) or `message` (what went wrong, without Retry or request
   * id). The details always go to the console. Elsewhere (portals) failures show in full, with Retry.
   */
  @property({ attribute: 'on-error' }) errorDisplay: 'image' | 'hide' | 'message' = 'image';

  private readySent = false;
  /** The last console line logged for a failure (English, for the integrator): each is logged once. */
  private advised?: string;
  private hiddenByFailure = false;

  /** The tasks `createDataTask` made, to load again when the browser is back online. */
  private readonly dataTasks: Task<readonly unknown[], unknown>[] = [];

  /**
   * A load that failed for want of a network (or took too long) runs again once the browser says it is back online:
   * the user need not find Retry. Other failures (a refused token, a 404) would fail the same way again.
   */
  private readonly reloadWhenOnline = () => {
    for (const task of this.dataTasks) {
      if (task.status === TaskStatus.ERROR && ['network', 'timeout'].includes(asPartnerApiError(task.error).type)) void task.run();
    }
  };

  /** The BCP 47 language to format numbers, money and dates with (see `internal/format.ts`). */
  protected get formatLang(): string {
    return this.localization.lang;
  }

  /**
   * Holds an update until the message catalog of the widget's language is loaded (German loads on demand), so a
   * German widget shows its skeleton, then German — never English first. No catalog to wait for: no delay at all.
   * A catalog that fails to load does not hold the widget: it renders in English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localization.catalogPending();
    if (!pending) return super.scheduleUpdate();
    return pending.catch(() => undefined).then(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    warmUpFormatters(this.formatLang);
    window.addEventListener('online', this.reloadWhenOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.reloadWhenOnline);
  }

  protected override update(changed: PropertyValues): void {
    // `msg()` calls made while rendering answer in this widget's locale.
    renderInLocale(this.localization.locale, () => super.update(changed));
  }

  /**
   * A task that loads data through the resolved client. It waits (status initial: the skeleton shows) while there
   * is no client, or while `load` answers `initialState` (say, no `partner-id` yet); re-runs when the client or an
   * argument changes; passes its AbortSignal on so a superseded load is cancelled; fires `partner-error` on failure
   * and `partner-ready` after the first success.
   */
  protected createDataTask<const A extends readonly unknown[], R>(
    args: () => A,
    load: (client: PartnerClient, args: A, signal: AbortSignal) => Promise<R | typeof initialState> | typeof initialState,
  ): Task<[PartnerClient | undefined, ...A], R> {
    const task = new Task<[PartnerClient | undefined, ...A], R>(this, {
      args: () => [this.settings.client, ...args()],
      task: async ([client, ...values], { signal }) => {
        if (!client) return initialState;
        return load(client, values as unknown as A, signal);
      },
      onComplete: () => {
        if (this.readySent) return;
        this.readySent = true;
        void this.updateComplete.then(() => this.dispatchEvent(new PartnerReadyEvent()));
      },
      onError: (error) => this.reportError(error),
    });
    this.dataTasks.push(task as unknown as Task<readonly unknown[], unknown>);
    return task;
  }

  /**
   * The task's state as the shared views, or `complete(value)` once loaded. A setup mistake (see
   * `setup-problems.ts`) shows as such, and goes to the console with its fix. On a public website (publishable key)
   * a failure never shows Retry or a request id: the widget shows what `on-error` says, the details go to the console.
   */
  protected renderTask<R>(task: Task<readonly unknown[], R>, complete: (value: R) => unknown, loadingRows = 3): unknown {
    const { problem, publishable } = this.settings;
    const error = task.status === TaskStatus.ERROR ? asPartnerApiError(task.error) : undefined;
    let view: unknown;
    if (problem || (error && (publishable || error.code === 'origin_not_allowed'))) {
      // Its texts arrive in a moment (the skeleton meanwhile); a failed load is tried again at the next update.
      if (!failureViews) {
        (failures ??= import('./setup-problems.js')).then(
          (module) => (failureViews = module) && this.requestUpdate(),
          () => (failures = undefined),
        );
        return renderLoading(loadingRows);
      }
      const [words, advice] = failureViews.failureOf(this.localName, problem, error, publishable, msg, str);
      if (advice !== this.advised) console.error((this.advised = advice));
      view = publishable && this.errorDisplay !== 'message'
        ? this.errorDisplay === 'image' ? this.renderImageFallback() : nothing
        : renderError(words || errorMessage(error!));
    } else {
      view = task.render({
        initial: () => renderLoading(loadingRows),
        pending: () => renderLoading(loadingRows),
        complete,
        error: (error) => renderError(asPartnerApiError(error), () => void task.run()),
      });
    }
    // Hidden rather than an empty box in someone's layout; a page's own `hidden` is left alone.
    if (view === nothing || this.hiddenByFailure) this.hidden = this.hiddenByFailure = view === nothing;
    return view;
  }

  /** What a failing widget shows on a public website with `on-error="image"`: nothing (hidden) unless it has an image. */
  protected renderImageFallback(): unknown {
    return nothing;
  }

  /** Tells the host page that something failed (the widget shows it too). A cancelled request is not a failure. */
  protected reportError(error: unknown): void {
    const apiError = asPartnerApiError(error);
    if (apiError.type === 'aborted') return;
    this.dispatchEvent(new PartnerErrorEvent(apiError));
  }
}
