// The customer 360: one customer on one screen, from the gateway's customer view (GET /customers/{id}/360: the
// profile, what they scored, their open cases and their newest responses in full, read from three services in
// parallel) and the profile's journey timeline (profile-service, page by page). A part the view could not read is
// said to be missing, with why, where it would have been: the rest is still worth showing.

import { answersOf, facts, formatTime, priorityOf, slaOf, tickCountdowns } from './cases.js';
import { el, failure, loading, show } from './views.js';

const TIMELINE_PAGE = 20;

/** A part of the view that is missing: the reason the gateway gave, in place of the part. */
function missingPart(context, view, part) {
  const gone = (view.missing || []).find((missing) => missing.part === part);
  return gone ? el('p', { class: 'error missing-part', 'data-missing': part },
    el('span', { 'aria-hidden': 'true' }, '⚠ '), context.t.partMissing(gone.reason)) : null;
}

function identitiesTable(context, profile) {
  const { t } = context;
  const identities = profile.identities || [];
  if (identities.length === 0) {
    return el('p', { class: 'empty' }, t.noIdentities);
  }
  // A table wider than the screen scrolls; the keyboard reaches it as a region named by its caption
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t.identitiesCaption },
    el('table', { id: 'identities' },
      el('caption', { class: 'visually-hidden' }, t.identitiesCaption),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t.identityKind),
        el('th', { scope: 'col' }, t.identityValue),
        el('th', { scope: 'col' }, t.identityVerified),
        el('th', { scope: 'col' }, t.identitySource),
        el('th', { scope: 'col' }, t.lastSeen))),
      el('tbody', {}, identities.map((identity) => el('tr', { 'data-kind': identity.kind,
        class: identity.verified ? 'verified' : null },
      el('th', { scope: 'row' }, t.identityKinds[identity.kind] || identity.kind),
      el('td', {}, identity.value),
      el('td', {}, identity.verified ? [el('span', { 'aria-hidden': 'true' }, '✓ '), t.verified] : t.claimed),
      el('td', {}, identity.source || '–'),
      el('td', {}, formatTime(context, identity.lastSeenAt)))))));
}

function profileSection(context, view) {
  const { t } = context;
  const profile = view.profile || {};
  const computed = profile.computed || {};
  const number = (value, digits = 1) => (value === null || value === undefined ? null
    : new Intl.NumberFormat(context.language, { maximumFractionDigits: digits }).format(value));
  return el('section', { class: 'panel', id: 'customer-profile', 'aria-labelledby': 'profile-title' },
    el('h2', { id: 'profile-title' }, t.profileTitle),
    facts('profile-facts', [
      [t.trust, t.trusts[profile.trust] || profile.trust, 'profile-trust'],
      [t.responseCount, number(computed.responseCount, 0)],
      [t.lastNps, number(computed.lastNps, 0), 'profile-last-nps'],
      [t.averageCsat, number(computed.averageCsat, 2)],
      [t.churnRisk, computed.churnRisk === null || computed.churnRisk === undefined ? null
        : `${number(computed.churnRisk, 0)} (${t.bands[computed.churnRiskBand] || computed.churnRiskBand || '–'})`],
      [t.lastContact, computed.lastContactAt ? formatTime(context, computed.lastContactAt) : null],
      [t.customerSince, formatTime(context, profile.createdAt)],
    ]),
    el('h3', { id: 'identities-title' }, t.identitiesTitle),
    identitiesTable(context, profile));
}

function scoresSection(context, view) {
  const { t } = context;
  const scores = view.scores || [];
  return el('section', { class: 'panel', id: 'customer-scores', 'aria-labelledby': 'scores-title' },
    el('h2', { id: 'scores-title' }, t.scoresTitle),
    missingPart(context, view, 'scores'),
    view.scores && scores.length === 0 ? el('p', { class: 'empty' }, t.noScoresYet) : null,
    scores.length > 0 ? el('div', { class: 'table-scroll', tabindex: '0', role: 'region',
      'aria-label': t.scoresCaption }, el('table', { id: 'customer-score-table' },
      el('caption', {}, t.scoresCaption),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t.when),
        el('th', { scope: 'col' }, t.dimensionNames.channel),
        el('th', { scope: 'col', class: 'number' }, 'NPS'),
        el('th', { scope: 'col', class: 'number' }, 'CSAT'),
        el('th', { scope: 'col' }, t.comment))),
      el('tbody', {}, scores.map((score) => el('tr', { 'data-response': score.responseId },
        el('th', { scope: 'row' }, formatTime(context, score.occurredAt)),
        el('td', {}, t.channels[score.channel] || score.channel || '–'),
        el('td', { class: 'number' }, score.score ?? '–'),
        el('td', { class: 'number' }, score.csat ?? '–'),
        el('td', {}, score.comment || '–')))))) : null);
}

function openCasesSection(context, view) {
  const { t } = context;
  const cases = view.openCases || [];
  return el('section', { class: 'panel', id: 'customer-cases', 'aria-labelledby': 'open-cases-title' },
    el('h2', { id: 'open-cases-title' }, t.openCasesTitle),
    missingPart(context, view, 'cases'),
    view.openCases && cases.length === 0 ? el('p', { class: 'empty', id: 'no-open-cases' }, t.noOpenCases) : null,
    cases.length > 0 ? el('ul', { class: 'case-list' }, cases.map((found) => el('li', { 'data-case': found.id },
      priorityOf(context, found.priority), ' ',
      el('a', { href: `#/cases/${encodeURIComponent(found.id)}` }, found.alert?.ruleName || t.caseUntitled), ' · ',
      t.caseStatus[found.status] || found.status, ' · ', slaOf(context, found)))) : null);
}

function feedbackSection(context, view) {
  const { t } = context;
  const responses = view.recentFeedback || [];
  return el('section', { class: 'panel', id: 'customer-feedback', 'aria-labelledby': 'feedback-title' },
    el('h2', { id: 'feedback-title' }, t.recentFeedbackTitle),
    missingPart(context, view, 'feedback'),
    view.recentFeedback && responses.length === 0 ? el('p', { class: 'empty' }, t.noFeedback) : null,
    responses.map((response) => el('article', { class: 'response', 'data-response': response.responseId },
      el('p', { class: 'meta' }, t.answeredOn(formatTime(context, response.submittedAt),
        t.channels[response.channel] || response.channel)),
      answersOf(context, response))));
}

function touchpointRow(context, touchpoint) {
  const { t } = context;
  const what = [touchpoint.score !== null && touchpoint.score !== undefined ? t.scored(touchpoint.score) : null,
    touchpoint.comment, touchpoint.detail, touchpoint.touchpoint].filter(Boolean).join(' · ');
  return el('li', { 'data-type': touchpoint.type },
    el('p', { class: 'meta' }, el('time', { datetime: touchpoint.occurredAt }, formatTime(context,
      touchpoint.occurredAt)), touchpoint.channel ? ` · ${t.channels[touchpoint.channel] || touchpoint.channel}`
      : ''),
    el('p', { class: 'touchpoint' }, el('strong', {}, t.touchpointTypes[touchpoint.type] || touchpoint.type),
      what ? ` — ${what}` : ''));
}

/** The profile's timeline, newest first, a page at a time ("Show more" reads the next). */
async function timelineSection(context, profileId) {
  const { api, t } = context;
  const list = el('ol', { class: 'timeline', id: 'timeline' });
  const more = el('button', { type: 'button', class: 'quiet', id: 'more-timeline', hidden: true }, t.more);
  const section = el('section', { class: 'panel', id: 'customer-timeline', 'aria-labelledby': 'timeline-title' },
    el('h2', { id: 'timeline-title' }, t.timelineTitle), list, more);
  let after = null;
  const read = async () => {
    const page = await api.get(`/profiles/${encodeURIComponent(profileId)}/timeline`, { limit: TIMELINE_PAGE,
      after });
    (page.items || []).forEach((touchpoint) => list.append(touchpointRow(context, touchpoint)));
    after = page.next || null;
    more.hidden = !after;
  };
  more.addEventListener('click', () => read().catch((error) => context.announce(error.message)));
  try {
    await read();
    if (list.children.length === 0) {
      list.replaceWith(el('p', { class: 'empty' }, t.noTimeline));
    }
  } catch (error) {
    list.replaceWith(el('p', { class: 'error missing-part', 'data-missing': 'timeline' }, t.partMissing(
      error.message)));
  }
  return section;
}

export async function customerView(context, profileId) {
  const { api, t } = context;
  loading(context);
  let view;
  let timeline;
  try {
    [view, timeline] = await Promise.all([api.get(`/customers/${encodeURIComponent(profileId)}/360`),
      timelineSection(context, profileId)]);
  } catch (error) {
    failure(context, error, () => customerView(context, profileId));
    return;
  }
  const identities = view.profile?.identities || [];
  const name = (identities.find((identity) => identity.kind === 'customer_id' && identity.verified)
    || identities.find((identity) => identity.verified) || identities[0])?.value;
  const missing = view.missing || [];
  show(context,
    el('p', {}, el('a', { href: '#/cases' }, t.allCases)),
    el('div', { class: 'heading' },
      el('h1', { id: 'page-title', tabindex: '-1' }, name ? t.customerNamed(name) : t.customerTitle),
      el('button', { type: 'button', class: 'quiet', id: 'refresh', onclick: () => customerView(context,
        view.profileId || profileId) }, t.refresh)),
    missing.length > 0 ? el('div', { class: 'panel warning', id: 'missing', role: 'note' },
      el('h2', {}, t.missingTitle),
      el('ul', {}, missing.map((gone) => el('li', { 'data-missing': gone.part },
        `${t.partNames[gone.part] || gone.part}: ${gone.reason}`)))) : null,
    profileSection(context, view),
    el('div', { class: 'columns' }, openCasesSection(context, view), scoresSection(context, view)),
    el('div', { class: 'columns' }, timeline, feedbackSection(context, view)));
  context.stopLive = tickCountdowns(context);
  context.main.dataset.ready = 'true';
}
