// The case inbox and one case's page: the follow-up cases alerts open (insight-service's /cases), with the time left
// before each one's SLA deadline counting down on screen, and, for the roles that may act on a case (admin, agent:
// the gateway's cases-write), assign, note and resolve. The inbox follows the live updates: a raised alert brings its
// new case in, a resolved case leaves the unresolved lists, without a reload and announced to screen readers.
// A refusal of the API is shown next to the field its problem document names.

import { mayActOnCases } from './roles.js';
import { el, failure, loading, show } from './views.js';

/** The inbox's states, each a query of GET /cases; "open" is the unassigned queue (status OPEN). */
const STATES = {
  open: { status: 'OPEN' },
  assigned: { status: 'ASSIGNED' },
  overdue: { overdue: 'true' },
  resolved: { status: 'RESOLVED' },
  all: {},
};
const PRIORITIES = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'];
/** insight-service's CaseOutcome, the choices of a resolution. */
export const OUTCOMES = ['RECOVERED', 'NOT_RECOVERED', 'NO_RESPONSE', 'NOT_ACTIONABLE'];
const PAGE_SIZE = 50;
/** How often the countdowns are written again: they show minutes. */
const TICK_MS = 15000;
/** How long the inbox waits after the last live update of a burst before it reads the list again. */
const LIVE_SETTLE_MS = 1000;

export function formatTime(context, iso) {
  return iso ? new Intl.DateTimeFormat(context.language, { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(iso)) : '–';
}

/** A span of time in whole minutes, as days, hours and minutes: rounded down, or up ({@code up}) for a lateness. */
function spanOf(milliseconds, up = false) {
  const minutes = (up ? Math.ceil : Math.floor)(Math.abs(milliseconds) / 60000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** Writes the countdown of one SLA element (data-due) as of {@code now}: time left, or how late, in words. */
function writeCountdown(context, element, now) {
  const { t } = context;
  const left = new Date(element.dataset.due).getTime() - now;
  const overdue = left < 0;
  element.classList.toggle('overdue', overdue);
  element.replaceChildren(overdue ? el('strong', {}, el('span', { 'aria-hidden': 'true' }, '⚠ '),
    t.overdueBy(t.span(spanOf(left, true)))) : t.dueIn(t.span(spanOf(left))));
  element.closest('tr')?.classList.toggle('overdue-row', overdue);
}

/** The SLA of a case: a countdown to its deadline while unresolved (ticking, see tickCountdowns), else nothing due. */
export function slaOf(context, found) {
  const { t } = context;
  if (found.status === 'RESOLVED') {
    return el('span', { class: 'sla' }, t.slaMet);
  }
  const sla = el('time', { class: 'sla', 'data-due': found.dueAt, datetime: found.dueAt,
    title: t.dueAt(formatTime(context, found.dueAt)) });
  writeCountdown(context, sla, Date.now());
  return sla;
}

/** Rewrites the screen's countdowns every {@link TICK_MS}; answers the function that stops it. */
export function tickCountdowns(context) {
  const timer = setInterval(() => {
    const now = Date.now();
    context.main.querySelectorAll('[data-due]').forEach((sla) => writeCountdown(context, sla, now));
  }, TICK_MS);
  return () => clearInterval(timer);
}

export function priorityOf(context, priority) {
  return el('span', { class: `status-pill priority priority-${String(priority).toLowerCase()}` },
    context.t.priorities[priority] || priority);
}

function statusOf(context, found) {
  return el('span', { class: 'status-pill' }, context.t.caseStatus[found.status] || found.status);
}

function escalatedOf(context, found) {
  return found.escalationCount > 0 ? el('span', { class: 'status-pill escalated', 'data-escalated': 'true' },
    el('span', { 'aria-hidden': 'true' }, '⬆ '), context.t.escalated(found.escalationCount)) : null;
}

// -----------------------------------------------------------------------------------------------------------------
// the inbox

function caseRow(context, found, fresh) {
  const { t } = context;
  const alert = found.alert || {};
  const sla = slaOf(context, found);
  // The row is flagged as its countdown is: written before the row holds it, the countdown cannot flag the row itself
  // (until its next tick)
  const classes = [fresh && 'fresh', sla.classList.contains('overdue') && 'overdue-row'].filter(Boolean);
  return el('tr', { 'data-case': found.id, class: classes.join(' ') || null },
    el('td', {}, priorityOf(context, found.priority)),
    el('th', { scope: 'row' },
      el('a', { href: `#/cases/${encodeURIComponent(found.id)}` }, alert.ruleName || t.caseUntitled),
      fresh ? el('span', { class: 'status-pill new-case' }, t.newCase) : null,
      alert.reason ? el('span', { class: 'reason' }, alert.reason) : null),
    el('td', {}, found.customerId || t.anonymous),
    el('td', {}, statusOf(context, found), ' ', escalatedOf(context, found)),
    el('td', {}, found.assignee || '–'),
    el('td', {}, sla));
}

/** The inbox's filters, kept while the console is open so that coming back from a case finds them as they were. */
function filtersOf(context) {
  context.caseFilters = context.caseFilters || { state: 'open', priority: '', assignee: '' };
  return context.caseFilters;
}

export async function caseInbox(context) {
  const { api, t } = context;
  const filters = filtersOf(context);
  loading(context);
  const rows = el('tbody');
  const more = el('button', { type: 'button', class: 'quiet', id: 'more-cases', hidden: true }, t.more);
  const empty = el('p', { class: 'empty', id: 'cases-empty', hidden: true }, t.casesEmpty);
  let after = null;
  let shown = new Set();
  const query = () => ({ ...STATES[filters.state], priority: filters.priority || undefined,
    assignee: filters.assignee || undefined, limit: PAGE_SIZE });
  const read = async ({ next = null, markNew = false } = {}) => {
    const page = await api.get('/cases', { ...query(), after: next });
    const items = page.items || [];
    const known = shown;
    if (!next) {
      rows.replaceChildren();
      shown = new Set();
    }
    items.forEach((found) => {
      rows.append(caseRow(context, found, markNew && !known.has(found.id)));
      shown.add(found.id);
    });
    after = page.next || null;
    more.hidden = !after;
    empty.hidden = rows.children.length > 0;
    return items.filter((found) => !known.has(found.id)).length;
  };
  try {
    await read();
  } catch (error) {
    failure(context, error, () => caseInbox(context));
    return;
  }
  more.addEventListener('click', () => read({ next: after }).catch((error) => context.announce(error.message)));

  const apply = () => {
    read().then(() => context.announce(t.casesListed(rows.children.length)))
      .catch((error) => context.announce(error.message));
  };
  const state = el('select', { id: 'filter-state', onchange: (event) => { filters.state = event.target.value;
    apply(); } }, Object.keys(STATES).map((name) => el('option', { value: name, selected: name === filters.state },
    t.caseStates[name])));
  const priority = el('select', { id: 'filter-priority', onchange: (event) => { filters.priority = event.target.value;
    apply(); } }, el('option', { value: '' }, t.anyPriority), PRIORITIES.map((name) => el('option', { value: name,
    selected: name === filters.priority }, t.priorities[name])));
  const assignee = el('input', { id: 'filter-assignee', type: 'search', value: filters.assignee, autocomplete: 'off',
    spellcheck: 'false' });
  const filterForm = el('form', { class: 'filters', id: 'case-filters', role: 'search', 'aria-label': t.caseFilters,
    onsubmit: (event) => { event.preventDefault(); filters.assignee = assignee.value.trim(); apply(); } },
  el('label', {}, t.caseState, state),
  el('label', {}, t.priority, priority),
  el('label', {}, t.assignee, assignee),
  el('button', { type: 'submit', class: 'quiet', id: 'apply-filters' }, t.applyFilters),
  el('button', { type: 'button', class: 'quiet', id: 'mine', onclick: () => {
    assignee.value = context.session.username;
    filters.assignee = assignee.value;
    if (filters.state === 'open') {
      // An open case has nobody assigned: mine are among the assigned ones
      filters.state = 'assigned';
      state.value = 'assigned';
    }
    apply();
  } }, t.assignedToMe));

  show(context,
    el('h1', { id: 'page-title', tabindex: '-1' }, t.casesTitle),
    filterForm,
    el('div', { class: 'panel table-scroll' },
      el('table', { id: 'cases' },
        el('caption', {}, t.casesCaption),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t.priority),
          el('th', { scope: 'col' }, t.colCase),
          el('th', { scope: 'col' }, t.colCustomer),
          el('th', { scope: 'col' }, t.colStatus),
          el('th', { scope: 'col' }, t.assignee),
          el('th', { scope: 'col' }, t.colSla))),
        rows),
      empty),
    more);
  context.main.dataset.ready = 'true';

  // Live: an alert opens a case, a resolution closes one; the list is read again a moment after the last of a burst.
  let pending = null;
  let news = { raised: 0, resolved: 0 };
  const stopListening = context.live?.on((update) => {
    if (update.type !== 'alert.raised' && update.type !== 'case.resolved') {
      return;
    }
    news[update.type === 'alert.raised' ? 'raised' : 'resolved'] += 1;
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const heard = news;
      news = { raised: 0, resolved: 0 };
      try {
        const added = await read({ markNew: true });
        context.announce([heard.raised > 0 && added > 0 ? t.liveNewCases(added) : null,
          heard.resolved > 0 ? t.liveResolved(heard.resolved) : null].filter(Boolean).join(' ')
          || t.liveCasesUpdated);
      } catch (error) {
        context.announce(error.message);
      }
    }, LIVE_SETTLE_MS);
  });
  const stopTicking = tickCountdowns(context);
  context.stopLive = () => {
    clearTimeout(pending);
    stopListening?.();
    stopTicking();
  };
}

// -----------------------------------------------------------------------------------------------------------------
// one case

/** A field's problem, next to it: the field says it is invalid and is described by the message. */
function fieldError(id) {
  return el('p', { class: 'error field-error', id, hidden: true });
}

/**
 * Shows a refusal of the API on the form: each error next to the field it names ({@code errors} of the problem
 * document; a refused transition names {@code status}), else the detail at the form's own slot; the first such
 * field takes the focus.
 */
function showProblem(context, form, error) {
  const { t } = context;
  form.querySelectorAll('.field-error').forEach((slot) => { slot.hidden = true; slot.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
  const problem = error.problem || {};
  const errors = (problem.errors || []).length > 0 ? problem.errors : [{ field: null, message: problem.detail
    || (error.status === 403 ? t.forbidden : error.status === 0 ? t.unreachable : error.message) }];
  let first = null;
  errors.forEach(({ field, message }) => {
    const input = field ? form.querySelector(`[name="${CSS.escape(field)}"]`) : null;
    const slot = input ? form.querySelector(`#${input.getAttribute('aria-describedby')}`)
      : form.querySelector('.form-error');
    slot.hidden = false;
    slot.textContent = [slot.textContent, field && !input && field !== 'status' ? `${field}: ${message}` : message]
      .filter(Boolean).join(' ');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  });
  (first || form.querySelector('.form-error')).focus?.();
  context.announce(errors.map((e) => e.message).join(' '));
}

/** A form for one command on the case: posts what {@code body} makes of it and redraws the case with the answer. */
function commandForm(context, { id, action, title, fields, submit, body, done }) {
  const { api } = context;
  const formError = el('p', { class: 'error field-error form-error', id: `${id}-error`, tabindex: '-1',
    hidden: true });
  const form = el('form', { class: 'command', id, novalidate: true, 'data-case-action': id,
    'aria-labelledby': `${id}-title` },
  el('h3', { id: `${id}-title` }, title), formError, fields, el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = form.querySelectorAll('button');
    buttons.forEach((button) => { button.disabled = true; });
    try {
      const answer = await api.post(action(event.submitter), body(form, event.submitter));
      done(answer);
    } catch (error) {
      showProblem(context, form, error);
      buttons.forEach((button) => { button.disabled = false; });
    }
  });
  return form;
}

/** A labelled control named after the API's field, with the slot for that field's problem. */
function field(id, name, label, control) {
  const errorId = `${id}-error`;
  control.setAttribute('id', id);
  control.setAttribute('name', name);
  control.setAttribute('aria-describedby', errorId);
  return el('div', { class: 'field' }, el('label', { for: id }, label), control, fieldError(errorId));
}

function caseActions(context, found, redraw) {
  const { t, session } = context;
  if (!mayActOnCases(session) || found.status === 'RESOLVED') {
    return null;
  }
  const path = `/cases/${encodeURIComponent(found.id)}`;
  const done = (message) => (answer) => {
    redraw(answer);
    context.announce(message);
  };
  const assign = commandForm(context, {
    id: 'assign-form',
    title: t.assignTitle,
    action: () => `${path}/assign`,
    fields: field('assignee', 'assignee', t.assignTo, el('input', { type: 'text', autocomplete: 'off',
      spellcheck: 'false', value: found.assignee || '' })),
    submit: [
      el('button', { type: 'submit', id: 'assign', class: 'quiet' }, t.assign),
      el('button', { type: 'submit', id: 'assign-me', 'data-me': 'true' }, t.assignToMe),
    ],
    body: (form, submitter) => ({ assignee: submitter?.dataset.me ? session.username
      : form.elements.assignee.value.trim() }),
    done: done(t.assignedDone),
  });
  const resolve = commandForm(context, {
    id: 'resolve-form',
    title: t.resolveTitle,
    action: () => `${path}/resolve`,
    fields: [
      field('outcome', 'outcome', t.outcome, el('select', { 'aria-required': 'true' },
        el('option', { value: '' }, t.chooseOutcome),
        OUTCOMES.map((outcome) => el('option', { value: outcome }, t.outcomes[outcome])))),
      field('root-cause', 'rootCause', t.rootCause, el('textarea', { rows: 2, 'aria-required': 'true',
        maxlength: 2000 })),
    ],
    submit: el('button', { type: 'submit', id: 'resolve' }, t.resolve),
    body: (form) => ({ outcome: form.elements.outcome.value || null, rootCause: form.elements.rootCause.value }),
    done: done(t.resolvedDone),
  });
  return el('section', { class: 'panel', id: 'case-actions', 'aria-labelledby': 'actions-title' },
    el('h2', { id: 'actions-title' }, t.caseActions),
    el('div', { class: 'commands' }, assign, resolve));
}

function noteSection(context, found, redraw) {
  const { t, session } = context;
  const notes = found.notes || [];
  const list = notes.length === 0 ? el('p', { class: 'empty', id: 'no-notes' }, t.noNotes)
    : el('ol', { class: 'notes', id: 'notes' }, notes.map((note) => el('li', {},
      el('p', { class: 'meta' }, t.noteBy(note.author, formatTime(context, note.at))),
      el('p', { class: 'note-text' }, note.text))));
  const form = mayActOnCases(session) ? commandForm(context, {
    id: 'note-form',
    title: t.addNote,
    action: () => `/cases/${encodeURIComponent(found.id)}/notes`,
    fields: field('note-text', 'text', t.noteText, el('textarea', { rows: 3, maxlength: 10000 })),
    submit: el('button', { type: 'submit', id: 'add-note', class: 'quiet' }, t.addNote),
    body: (formElement) => ({ text: formElement.elements.text.value }),
    done: (answer) => {
      redraw(answer, 'note-text');
      context.announce(t.noteAdded);
    },
  }) : null;
  return el('section', { class: 'panel', id: 'case-notes', 'aria-labelledby': 'notes-title' },
    el('h2', { id: 'notes-title' }, t.notesTitle), list, form);
}

/** Terms and their descriptions; a term without a value is left out. */
export function facts(id, pairs) {
  return el('dl', { class: 'facts', id }, pairs.filter(([, value]) => value !== null && value !== undefined
    && value !== '').flatMap(([term, value, valueId]) => [el('dt', {}, term),
    el('dd', { id: valueId || null }, value)]));
}

function alertSection(context, found) {
  const { t } = context;
  const alert = found.alert || {};
  return el('section', { class: 'panel', id: 'case-alert', 'aria-labelledby': 'alert-title' },
    el('h2', { id: 'alert-title' }, t.alertTitle),
    facts('alert-facts', [
      [t.rule, alert.ruleName],
      [t.ruleType, t.ruleTypes[alert.type] || alert.type],
      [t.reason, alert.reason, 'alert-reason'],
      [t.evidence, alert.evidence, 'alert-evidence'],
      [t.raisedAt, formatTime(context, alert.raisedAt)],
      [t.surveyId, alert.surveyId],
      [t.responseId, alert.responseId],
    ]));
}

function resolutionSection(context, found) {
  const { t } = context;
  if (found.status !== 'RESOLVED') {
    return null;
  }
  const recovery = found.recovery;
  return el('section', { class: 'panel', id: 'case-resolution', 'aria-labelledby': 'resolution-title' },
    el('h2', { id: 'resolution-title' }, t.resolutionTitle),
    facts('resolution-facts', [
      [t.outcome, t.outcomes[found.outcome] || found.outcome, 'resolution-outcome'],
      [t.rootCause, found.rootCause, 'resolution-root-cause'],
      [t.resolvedBy, found.resolvedBy],
      [t.resolvedAt, formatTime(context, found.resolvedAt)],
      [t.recovery, recovery ? t.recoveryResult(t.recoveries[recovery.result] || recovery.result, recovery.score)
        : t.notMeasured],
    ]));
}

function escalationSection(context, found) {
  const { t } = context;
  const escalations = found.escalations || [];
  if (escalations.length === 0) {
    return null;
  }
  return el('section', { class: 'panel', id: 'case-escalations', 'aria-labelledby': 'escalations-title' },
    el('h2', { id: 'escalations-title' }, t.escalationsTitle),
    el('ol', {}, escalations.map((escalation) => el('li', {}, t.escalation(formatTime(context, escalation.at),
      t.priorities[escalation.from] || escalation.from, t.priorities[escalation.to] || escalation.to)))));
}

/** The answers of one response, as survey-service gives them: scores, texts, choices. */
export function answersOf(context, response) {
  const { t } = context;
  return el('dl', { class: 'facts answers' }, (response.answers || []).flatMap((answer) => {
    const parts = [answer.score !== null && answer.score !== undefined ? String(answer.score) : null,
      answer.text, (answer.choices || []).join(', ') || null, answer.otherText, answer.date,
      answer.consent === true ? t.yes : answer.consent === false ? t.no : null];
    return [el('dt', {}, answer.questionId), el('dd', { 'data-question': answer.questionId },
      parts.filter(Boolean).join(' · ') || '–')];
  }));
}

/**
 * The customer behind a case and the response that raised it: the case names the customer's id (a response event
 * carries no profile); profile-service says which profile holds it, and the customer view has the response in full.
 */
async function fillCustomer(context, found, customer, response) {
  const { api, t } = context;
  const responseId = found.alert?.responseId;
  let profileId = found.profileId;
  try {
    if (!profileId && found.customerId) {
      profileId = (await api.get('/profiles/lookup', { customerId: found.customerId })).id;
    }
  } catch (error) {
    profileId = null;
  }
  if (!profileId) {
    customer.replaceChildren(el('p', { class: 'empty', id: 'no-customer' }, found.customerId
      ? t.noProfile(found.customerId) : t.anonymousCase));
    response.replaceChildren(el('p', { class: 'empty' }, t.responseUnavailable));
    return;
  }
  customer.replaceChildren(
    facts('customer-facts', [[t.customerId, found.customerId]]),
    el('p', {}, el('a', { href: `#/customers/${encodeURIComponent(profileId)}`, id: 'customer-link' },
      t.openCustomer)));
  try {
    const view = await api.get(`/customers/${encodeURIComponent(profileId)}/360`);
    const answered = (view.recentFeedback || []).find((item) => item.responseId === responseId);
    response.replaceChildren(answered ? el('div', { id: 'case-response' },
      el('p', { class: 'meta' }, t.answeredOn(formatTime(context, answered.submittedAt),
        t.channels[answered.channel] || answered.channel)),
      answersOf(context, answered)) : el('p', { class: 'empty' }, t.responseUnavailable));
  } catch (error) {
    response.replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

export async function caseDetail(context, caseId) {
  const { api } = context;
  loading(context);
  let found;
  try {
    found = await api.get(`/cases/${encodeURIComponent(caseId)}`);
  } catch (error) {
    failure(context, error, () => caseDetail(context, caseId));
    return;
  }
  drawCase(context, found, null);
}

/** Draws {@code found} (a case as GET /cases/{id} answers it); a command's answer redraws it the same way. */
function drawCase(context, found, focus) {
  const { t } = context;
  const redraw = (answer, focusId = 'page-title') => {
    const scrolled = window.scrollY;
    drawCase(context, answer, focusId);
    window.scrollTo(0, scrolled);
  };
  delete context.main.dataset.ready;
  const customer = el('div', {}, el('p', { class: 'loading' }, t.loading));
  const response = el('div', {}, el('p', { class: 'loading' }, t.loading));
  show(context,
    el('p', {}, el('a', { href: '#/cases' }, t.allCases)),
    el('h1', { id: 'page-title', tabindex: '-1' }, found.alert?.ruleName || t.caseUntitled),
    el('p', { class: 'case-summary', id: 'case-summary' },
      priorityOf(context, found.priority), ' ',
      el('span', { class: 'status-pill', id: 'case-status' }, t.caseStatus[found.status] || found.status), ' ',
      escalatedOf(context, found), ' ',
      slaOf(context, found)),
    facts('case-facts', [
      [t.assignee, found.assignee || '–', 'case-assignee'],
      [t.openedAt, formatTime(context, found.openedAt)],
      [t.dueAtLabel, formatTime(context, found.dueAt)],
    ]),
    caseActions(context, found, redraw),
    resolutionSection(context, found),
    el('div', { class: 'columns' },
      alertSection(context, found),
      el('section', { class: 'panel', id: 'case-customer', 'aria-labelledby': 'customer-title' },
        el('h2', { id: 'customer-title' }, t.customerTitle), customer,
        el('h3', {}, t.responseTitle), response)),
    noteSection(context, found, redraw),
    escalationSection(context, found));
  context.stopLive = tickCountdowns(context);
  if (focus) {
    document.getElementById(focus)?.focus();
  }
  fillCustomer(context, found, customer, response).finally(() => {
    if (customer.isConnected) {
      context.main.dataset.ready = 'true';
    }
  });
}
