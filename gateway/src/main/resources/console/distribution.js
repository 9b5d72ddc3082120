// A survey's distribution (#/surveys/<id>/distribution): the response rate of its invitations by channel (how many
// were sent, opened, started and completed, from survey-service's statistics), as a table, a chart and a CSV file;
// the invitations themselves, newest first; and, for admins, a form that invites a list of customers by email or
// SMS. A refused recipient is named by its line, next to the list.

import { barChart, downloadCsv } from './charts.js';
import { el, failure, loading, show } from './views.js';

const CHANNELS = ['email', 'sms'];
/** The statuses an invitation goes through (survey-service's InvitationStatus), in the table's order. */
const STATUSES = ['SCHEDULED', 'SENT', 'OPENED', 'STARTED', 'COMPLETED', 'SKIPPED', 'FAILED'];
const PAGE_SIZE = 50;

export async function surveyDistribution(context, surveyId) {
  const { api, t, session } = context;
  loading(context);
  const path = `/surveys/${encodeURIComponent(surveyId)}`;
  let survey;
  let stats;
  try {
    [survey, stats] = await Promise.all([api.get(path), api.get(`${path}/invitations/stats`)]);
  } catch (error) {
    failure(context, error, () => surveyDistribution(context, surveyId));
    return;
  }
  const rates = el('div', { class: 'table-scroll', id: 'rates-table' });
  const chart = el('div', { class: 'chart', id: 'rates-chart', role: 'img' });
  const invitations = el('div', { class: 'table-scroll', id: 'invitation-list' });
  const draw = (current) => {
    stats = current;
    rates.replaceChildren(ratesTable(context, current));
    barChart(chart, {
      labels: Object.keys(current).map((channel) => t.channels[channel] || channel),
      values: Object.values(current).map((channel) => channel.responseRate),
      title: t.dist.rateColumn,
      description: t.dist.rateChart,
    }).catch((error) => context.announce(error.message));
  };
  const refresh = async () => {
    try {
      draw(await api.get(`${path}/invitations/stats`));
      await listInvitations(context, path, invitations);
      context.main.dataset.ready = 'true';
      context.announce(t.dist.refreshed);
    } catch (error) {
      context.announce(error.message);
    }
  };
  show(context,
    el('p', {}, el('a', { href: `#/surveys/${encodeURIComponent(surveyId)}` }, t.ed.toDashboard)),
    el('h1', { id: 'page-title', tabindex: '-1' }, t.dist.heading(survey.name)),
    session.has('admin') && survey.status !== 'CLOSED' ? el('p', {}, el('a', { href: `#/surveys/${encodeURIComponent(
      surveyId)}/edit`, id: 'to-editor-from-distribution', 'data-admin-action': 'edit' }, t.ed.edit)) : null,
    el('p', { class: 'meta' }, t.status[survey.status] || survey.status,
      survey.publishedVersion ? ` · ${t.ed.publishedAs(survey.publishedVersion)}` : ''),
    session.has('admin') ? inviteForm(context, survey, path, refresh) : null,
    el('section', { class: 'panel', 'aria-labelledby': 'rates-title' },
      el('div', { class: 'panel-head' },
        el('h2', { id: 'rates-title' }, t.dist.ratesTitle),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'quiet', id: 'rates-refresh', onclick: refresh }, t.refresh),
          el('button', { type: 'button', class: 'quiet', id: 'rates-csv', onclick: () => downloadCsv(
            rateRows(context, stats, true), `${surveyId}-invitations.csv`) }, t.exportCsv))),
      chart, rates),
    el('section', { class: 'panel', 'aria-labelledby': 'invitations-title' },
      el('h2', { id: 'invitations-title' }, t.dist.listTitle), invitations));
  draw(stats);
  try {
    await listInvitations(context, path, invitations);
  } catch (error) {
    invitations.replaceChildren(el('p', { class: 'error' }, error.message));
  }
  context.main.dataset.ready = 'true';
}

/** Per channel: its invitations by status, how many reached the customer, completed, and the rate (%). */
function rateRows(context, stats, forCsv) {
  const { t } = context;
  const header = [t.dimensionNames.channel, ...STATUSES.map((status) => t.dist.statuses[status]), t.dist.reached,
    t.dist.rateColumn];
  const rows = Object.entries(stats).map(([channel, figures]) => [
    forCsv ? channel : t.channels[channel] || channel,
    ...STATUSES.map((status) => figures.byStatus?.[status] ?? 0),
    figures.reached,
    forCsv ? figures.responseRate : `${new Intl.NumberFormat(context.language, { maximumFractionDigits: 1 })
      .format(figures.responseRate)} %`,
  ]);
  return [header, ...rows];
}

function ratesTable(context, stats) {
  const { t } = context;
  if (Object.keys(stats).length === 0) {
    return el('p', { class: 'empty' }, t.dist.noInvitations);
  }
  const [header, ...rows] = rateRows(context, stats, false);
  const channels = Object.keys(stats);
  return el('table', { id: 'rates' },
    el('caption', {}, t.dist.ratesCaption),
    el('thead', {}, el('tr', {}, header.map((name, i) => el('th', { scope: 'col', class: i > 0 ? 'number' : null },
      name)))),
    el('tbody', {}, rows.map((row, index) => el('tr', { 'data-channel': channels[index] },
      row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell)
        : el('td', { class: 'number', 'data-column': i === row.length - 1 ? 'rate' : null }, cell)))))));
}

/** The survey's invitations, newest first, a page at a time. */
async function listInvitations(context, path, holder) {
  const { api, t } = context;
  const rows = el('tbody');
  const more = el('button', { type: 'button', class: 'quiet', id: 'invitations-more', hidden: true }, t.more);
  let after = null;
  const load = async () => {
    const page = await api.get(`${path}/invitations`, { limit: PAGE_SIZE, after });
    (page.items || []).forEach((invitation) => rows.append(el('tr', { 'data-invitation': invitation.id },
      el('td', {}, new Intl.DateTimeFormat(context.language, { dateStyle: 'medium', timeStyle: 'short' })
        .format(new Date(invitation.createdAt))),
      el('td', {}, t.channels[invitation.channel] || invitation.channel),
      el('td', {}, invitation.customerId || '–'),
      el('td', {}, invitation.locale || '–'),
      el('td', { 'data-status': invitation.status }, t.dist.statuses[invitation.status] || invitation.status,
        // Why it was skipped or failed; a sent invitation's note from the contact check says nothing new
        invitation.reason && ['SKIPPED', 'FAILED'].includes(invitation.status) ? ` (${invitation.reason})` : ''))));
    after = page.next || null;
    more.hidden = !after;
  };
  await load();
  more.addEventListener('click', () => load().catch((error) => context.announce(error.message)));
  holder.replaceChildren(rows.children.length === 0 ? el('p', { class: 'empty' }, t.dist.noInvitations)
    : el('table', { id: 'invitations' },
      el('caption', {}, t.dist.listCaption),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t.dist.created),
        el('th', { scope: 'col' }, t.dimensionNames.channel),
        el('th', { scope: 'col' }, t.dist.customer),
        el('th', { scope: 'col' }, t.dist.locale),
        el('th', { scope: 'col' }, t.colStatus))),
      rows), more);
}

/**
 * One recipient per line: the address (an email or an E.164 phone number), then optionally the customer id and the
 * language, separated by commas.
 */
function recipientsOf(text, channel) {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((line) => {
    const [address, customerId, locale] = line.split(',').map((part) => part.trim());
    return { [channel === 'email' ? 'email' : 'phone']: address, customerId: customerId || undefined,
      locale: locale || undefined };
  });
}

function inviteForm(context, survey, path, refresh) {
  const { api, t } = context;
  if (!survey.publishedVersion || survey.status === 'CLOSED') {
    return el('section', { class: 'panel' }, el('h2', {}, t.dist.inviteTitle),
      el('p', { class: 'empty', id: 'invite-unavailable' }, t.dist.notPublished));
  }
  const channel = el('select', { id: 'invite-channel', 'data-field': 'channel' }, CHANNELS.map((name) =>
    el('option', { value: name }, t.channels[name])));
  const recipients = el('textarea', { id: 'invite-recipients', rows: 5, 'data-field': 'recipients',
    'aria-describedby': 'invite-recipients-help', spellcheck: 'false' });
  const days = el('input', { type: 'number', id: 'invite-days', min: 1, max: 365, value: 14,
    'data-field': 'validForDays' });
  const campaign = el('input', { type: 'text', id: 'invite-campaign', 'data-field': 'campaignId',
    autocomplete: 'off' });
  const errors = el('ul', { class: 'error', id: 'invite-errors', hidden: true });
  const result = el('p', { class: 'meta', id: 'invite-result', role: 'status' });
  const send = el('button', { type: 'submit', id: 'invite-send', 'data-admin-action': 'invite' }, t.dist.send);
  const form = el('form', { id: 'invite-form', novalidate: true, 'aria-labelledby': 'invite-title',
    onsubmit: async (event) => {
      event.preventDefault();
      const list = recipientsOf(recipients.value, channel.value);
      send.disabled = true;
      errors.hidden = true;
      recipients.removeAttribute('aria-invalid');
      try {
        const kept = await api.post(`${path}/invitations/batch`, {
          channel: channel.value, validForDays: days.value === '' ? undefined : Number(days.value),
          campaignId: campaign.value.trim() || undefined, recipients: list,
        });
        result.textContent = t.dist.kept(kept.invited, kept.campaignId);
        recipients.value = '';
        await refresh();
      } catch (error) {
        // recipients[3].email names the fourth line; other fields are named as they are
        const problems = error.problem?.errors || [];
        errors.replaceChildren(...(problems.length ? problems : [{ field: '', message: error.message }])
          .map((problem) => {
            const line = /^recipients\[(\d+)]/.exec(problem.field || '');
            return el('li', {}, line ? t.dist.lineError(Number(line[1]) + 1, problem.message)
              : `${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
          }));
        errors.hidden = false;
        if (problems.some((problem) => problem.field?.startsWith('recipients'))) {
          recipients.setAttribute('aria-invalid', 'true');
        }
        result.textContent = t.dist.notKept;
        recipients.focus();
      } finally {
        send.disabled = false;
      }
    } },
  el('div', { class: 'row' },
    el('label', { class: 'field short' }, t.dimensionNames.channel, channel),
    el('label', { class: 'field short' }, t.dist.validDays, days),
    el('label', { class: 'field short' }, t.dist.campaign, campaign)),
  el('label', { class: 'field', for: 'invite-recipients' }, t.dist.recipients),
  el('p', { class: 'meta', id: 'invite-recipients-help' }, t.dist.recipientsHelp),
  recipients, errors,
  el('div', { class: 'actions' }, send), result);
  recipients.setAttribute('aria-describedby', 'invite-recipients-help invite-errors');
  return el('section', { class: 'panel', 'aria-labelledby': 'invite-title', id: 'invite' },
    el('h2', { id: 'invite-title' }, t.dist.inviteTitle), form);
}
