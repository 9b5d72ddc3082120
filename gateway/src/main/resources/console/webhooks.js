// Webhook subscriptions (#/webhooks, #/webhooks/<id>) for admins and partners — webhook-service shows a partner
// only what it created — with each subscription's delivery log (messages and attempts, page by page), redelivery of
// one message or of every failed one since a time; and, for admins, the tenant's dead letters (#/dead-letters) with
// their redrive. Who may act decides what is drawn: the gateway refuses the rest anyway.

import { mayUseWebhooks } from './roles.js';
import { el, failure, loading, show } from './views.js';

const PAGE = 20;
const DEAD_LETTERS_SHOWN = 200;
const REDELIVER_SINCE_DAYS = [7, 30, 90];

function when(context, instant) {
  return instant ? new Intl.DateTimeFormat(context.language, { dateStyle: 'medium', timeStyle: 'medium' })
    .format(new Date(instant)) : '–';
}

export async function webhookList(context) {
  const { api, t, session } = context;
  if (!mayUseWebhooks(session)) {
    failure(context, { status: 403 }, null);
    return;
  }
  loading(context);
  let list;
  try {
    list = await api.get('/webhooks/subscriptions', { limit: 200 });
  } catch (error) {
    failure(context, error, () => webhookList(context));
    return;
  }
  const items = list.items || [];
  show(context,
    el('h1', { id: 'page-title', tabindex: '-1' }, t.webhooksTitle),
    items.length === 0 ? el('p', { class: 'empty' }, t.webhooksEmpty) : el('div', { class: 'panel table-scroll' },
      el('table', { id: 'webhooks' },
        // An admin sees the tenant's; webhook-service shows a partner only what it made
        el('caption', {}, session.has('admin') ? t.webhooksCaption : t.webhooksOwnCaption),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t.colEndpoint),
          el('th', { scope: 'col' }, t.colEvents),
          el('th', { scope: 'col' }, t.colStatus))),
        el('tbody', {}, items.map((item) => el('tr', { 'data-subscription': item.id },
          el('th', { scope: 'row' }, el('a', { href: `#/webhooks/${encodeURIComponent(item.id)}` }, item.url)),
          el('td', {}, (item.eventTypes || []).join(', ')),
          el('td', {}, t.subscriptionStatus[item.status] || item.status)))))));
  context.main.dataset.ready = 'true';
}

/** A table filled page by page from a list endpoint ({items, next}), with a "Show more" button. */
function pagedTable(context, { id, caption, columns, load, row }) {
  const { t } = context;
  const body = el('tbody');
  const more = el('button', { type: 'button', class: 'quiet', id: `${id}-more`, hidden: true }, t.more);
  const empty = el('p', { class: 'empty', id: `${id}-empty`, hidden: true }, t.logEmpty);
  let after = null;
  const next = async (reset) => {
    // Read again from the first page: the rows shown stay until the new ones are in, so the log never flashes empty
    const page = await load(reset ? null : after);
    const rows = (page.items || []).map(row);
    if (reset) {
      body.replaceChildren(...rows);
    } else {
      body.append(...rows);
    }
    after = page.next || null;
    more.hidden = !after;
    empty.hidden = body.children.length > 0;
  };
  more.addEventListener('click', () => next(false).catch((error) => context.announce(error.message)));
  const element = el('div', { class: 'table-scroll' },
    el('table', { id },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, columns.map((name) => el('th', { scope: 'col' }, name)))),
      body),
    empty, more);
  return { element, next };
}

export async function webhookDetail(context, subscriptionId) {
  const { api, t, session } = context;
  if (!mayUseWebhooks(session)) {
    failure(context, { status: 403 }, null);
    return;
  }
  loading(context);
  const path = `/webhooks/subscriptions/${encodeURIComponent(subscriptionId)}`;
  let subscription;
  try {
    subscription = await api.get(path);
  } catch (error) {
    failure(context, error, () => webhookDetail(context, subscriptionId));
    return;
  }
  const state = el('select', { id: 'message-state' }, ['', 'pending', 'succeeded', 'dead'].map((value) =>
    el('option', { value }, t.deliveryStates[value || 'all'])));
  const act = async (button, call, done) => {
    button.disabled = true;
    try {
      const answer = await call();
      context.announce(done(answer));
      await Promise.all([messages.next(true), attempts.next(true)]);
    } catch (error) {
      context.announce(error.message);
    } finally {
      button.disabled = false;
    }
  };
  const messages = pagedTable(context, {
    id: 'messages',
    caption: t.messagesCaption,
    columns: [t.colCreated, t.colEventType, t.colDeliveryState, t.colAttempts, t.colLastStatus, t.colActions],
    load: (after) => api.get(`${path}/messages`, { limit: PAGE, after, state: state.value }),
    row: (delivery) => el('tr', { 'data-message': delivery.messageId, 'data-state': delivery.state },
      el('th', { scope: 'row' }, when(context, delivery.createdAt)),
      el('td', {}, delivery.type, delivery.test ? ` (${t.testMessage})` : ''),
      el('td', {}, t.deliveryStates[delivery.state] || delivery.state),
      el('td', { class: 'number' }, delivery.attempts),
      el('td', {}, delivery.lastStatus ?? delivery.lastError ?? '–'),
      el('td', {}, el('button', {
        type: 'button', class: 'quiet', 'data-redeliver': delivery.messageId,
        'aria-label': t.redeliverOne(delivery.type, when(context, delivery.createdAt)),
        onclick: (event) => act(event.currentTarget, () => api.post(`${path}/messages/${encodeURIComponent(
          delivery.messageId)}/redeliver`), () => t.redelivered),
      }, t.redeliver))),
  });
  const attempts = pagedTable(context, {
    id: 'attempts',
    caption: t.attemptsCaption,
    columns: [t.colStarted, t.colMessage, t.colAttempt, t.colLastStatus, t.colLatency, t.colAnswer],
    load: (after) => api.get(`${path}/attempts`, { limit: PAGE, after }),
    row: (attempt) => el('tr', { 'data-attempt': attempt.id, 'data-message': attempt.messageId },
      el('th', { scope: 'row' }, when(context, attempt.startedAt)),
      el('td', {}, el('code', {}, attempt.messageId)),
      el('td', { class: 'number' }, attempt.attempt),
      el('td', {}, attempt.status ?? t.noAnswer),
      el('td', { class: 'number' }, t.milliseconds(attempt.latencyMillis)),
      el('td', {}, attempt.error || attempt.responseExcerpt || '–')),
  });
  state.addEventListener('change', () => messages.next(true).catch((error) => context.announce(error.message)));
  const since = el('select', { id: 'redeliver-since' }, REDELIVER_SINCE_DAYS.map((days) => el('option', {
    value: days }, t.lastDays(days))));
  const redeliverFailed = el('button', {
    type: 'button', id: 'redeliver-failed',
    onclick: (event) => {
      if (!window.confirm(t.confirmRedeliverFailed)) {
        return;
      }
      const from = new Date(Date.now() - Number(since.value) * 86400000).toISOString();
      act(event.currentTarget, () => api.post(`${path}/redeliver`, { since: from, onlyFailed: true }),
        (answer) => t.scheduled(answer?.scheduled ?? 0));
    },
  }, t.redeliverFailed);
  // A redelivery is scheduled (202), not made while the person waits: they read the log again when they like
  const refresh = el('button', {
    type: 'button', class: 'quiet', id: 'refresh-log',
    onclick: () => Promise.all([messages.next(true), attempts.next(true)])
      .then(() => context.announce(t.logRefreshed)).catch((error) => context.announce(error.message)),
  }, t.refresh);
  const sendTest = el('button', {
    type: 'button', class: 'quiet', id: 'send-test',
    onclick: (event) => act(event.currentTarget, () => api.post(`${path}/test`), () => t.testSent),
  }, t.sendTest);
  show(context,
    el('p', {}, el('a', { href: '#/webhooks' }, t.allSubscriptions)),
    el('h1', { id: 'page-title', tabindex: '-1' }, subscription.url),
    el('dl', { class: 'facts', id: 'subscription' },
      el('dt', {}, t.colStatus), el('dd', {}, t.subscriptionStatus[subscription.status] || subscription.status,
        subscription.disabledReason ? ` (${subscription.disabledReason})` : ''),
      el('dt', {}, t.colEvents), el('dd', {}, (subscription.eventTypes || []).join(', ')),
      el('dt', {}, t.colFailures), el('dd', {}, subscription.consecutiveFailures ?? 0),
      el('dt', {}, t.colLastSuccess), el('dd', {}, when(context, subscription.lastSuccessAt)),
      subscription.description ? [el('dt', {}, t.colDescription), el('dd', {}, subscription.description)] : null),
    el('section', { class: 'panel', 'aria-labelledby': 'messages-title' },
      el('div', { class: 'panel-head' },
        el('h2', { id: 'messages-title' }, t.messagesTitle),
        el('div', { class: 'actions' },
          el('label', { class: 'language' }, t.deliveryState, state),
          el('label', { class: 'language' }, t.since, since),
          redeliverFailed, sendTest, refresh)),
      messages.element),
    el('section', { class: 'panel', 'aria-labelledby': 'attempts-title' },
      el('h2', { id: 'attempts-title' }, t.attemptsTitle),
      attempts.element));
  try {
    await Promise.all([messages.next(true), attempts.next(true)]);
  } catch (error) {
    context.announce(error.message);
  }
  context.main.dataset.ready = 'true';
}

export async function deadLetters(context) {
  const { api, t, session } = context;
  if (!session.has('admin')) {
    failure(context, { status: 403 }, null);
    return;
  }
  loading(context);
  let letters;
  try {
    letters = await api.get('/admin/dead-letters');
  } catch (error) {
    failure(context, error, () => deadLetters(context));
    return;
  }
  const all = Array.isArray(letters) ? letters : letters.items || [];
  const newest = all.slice(-DEAD_LETTERS_SHOWN).reverse();
  const redrive = async (button, ids) => {
    if (!window.confirm(ids ? t.confirmRedriveOne : t.confirmRedriveAll)) {
      return;
    }
    button.disabled = true;
    try {
      const receipt = await api.post('/admin/dead-letters/redrive', ids ? { ids } : {});
      context.announce(t.redriven(receipt?.redriven ?? 0));
      await deadLetters(context);
    } catch (error) {
      context.announce(error.message);
      button.disabled = false;
    }
  };
  const waiting = all.filter((letter) => !letter.redrivenAt).length;
  show(context,
    el('div', { class: 'heading' },
      el('h1', { id: 'page-title', tabindex: '-1' }, t.deadLettersTitle),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'quiet', id: 'refresh-dead-letters',
          onclick: () => deadLetters(context) }, t.refresh),
        waiting > 0 ? el('button', { type: 'button', id: 'redrive-all', 'data-admin-action': 'redrive',
          onclick: (event) => redrive(event.currentTarget, null) }, t.redriveAll(waiting)) : null)),
    el('p', { class: 'meta' }, t.deadLettersExplained),
    newest.length === 0 ? el('p', { class: 'empty', id: 'dead-letters-empty' }, t.deadLettersEmpty)
      : el('div', { class: 'panel table-scroll' },
        all.length > newest.length ? el('p', { class: 'meta' }, t.newestShown(newest.length, all.length)) : null,
        el('table', { id: 'dead-letters' },
          el('caption', {}, t.deadLettersCaption),
          el('thead', {}, el('tr', {},
            [t.colFailed, t.colConsumer, t.colEventType, t.colError, t.colRedriven, t.colActions]
              .map((name) => el('th', { scope: 'col' }, name)))),
          el('tbody', {}, newest.map((letter) => el('tr', { 'data-letter': letter.id },
            el('th', { scope: 'row' }, when(context, letter.failedAt)),
            el('td', {}, letter.consumer),
            el('td', {}, letter.eventType || '–', el('br'), el('code', {}, letter.eventId || letter.id)),
            el('td', {}, letter.error),
            el('td', {}, when(context, letter.redrivenAt)),
            el('td', {}, el('button', { type: 'button', class: 'quiet', 'data-redrive': letter.id,
              'data-admin-action': 'redrive', 'aria-label': t.redriveOne(letter.consumer, letter.eventId || letter.id),
              onclick: (event) => redrive(event.currentTarget, [letter.id]) }, t.redrive))))))));
  context.main.dataset.ready = 'true';
}
