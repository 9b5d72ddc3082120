// The console's screens: the survey list, one survey's dashboard (NPS, CSAT and CES with their margins, the trend
// against the previous period, the breakdown by a dimension of breakdown.js); the other screens have modules of their
// own (journey.js, topics.js, webhooks.js) and share the helpers exported here. Each screen is
// built with textContent only: a survey's name or a partner's URL is shown, never interpreted as markup. What a role
// may not do is not rendered at all (not merely hidden); the gateway refuses it anyway.

import { breakdownPanel } from './breakdown.js';
import { disposeAll, downloadPng, trendChart } from './charts.js';

/** The headline scores: which score of which question type, and how many decimals it is read with. */
export const HEADLINES = [
  { type: 'NPS', score: 'nps', digits: 1 },
  { type: 'CSAT', score: 'csatTopTwoBox', digits: 1 },
  { type: 'CES', score: 'cesMean', digits: 2 },
];
const PERIODS = [7, 30, 90, 365];
const DEFAULT_DAYS = 30;
/**
 * A live update is read off the responses topic while insight-service's scores count the same response on their own
 * consumer: it may arrive a little before the figures it announces. So a dashboard checks the answers counted a
 * moment after the last update of a burst, and again with growing pauses until the count has moved, and only then
 * redraws (or, should nothing it counts have changed, after the last check).
 */
const LIVE_CHECKS_MS = [150, 250, 500, 1000, 2000];

/** A DOM element with attributes and children (strings become text nodes, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === false || value === null || value === undefined) {
      return;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

export function show(context, ...children) {
  leave(context);
  // Like el(): a part a screen leaves out (null) is left out, not written as text
  context.main.replaceChildren(...children.filter((child) => child !== null && child !== undefined
    && child !== false));
  context.main.setAttribute('aria-busy', 'false');
}

export function loading(context) {
  leave(context);
  context.main.setAttribute('aria-busy', 'true');
  context.main.replaceChildren(el('p', { class: 'loading' }, context.t.loading));
}

/** What the screen being replaced holds on to: its charts, its live updates and timers (context.stopLive). */
function leave(context) {
  disposeAll();
  context.stopLive?.();
  context.stopLive = null;
  delete context.main.dataset.survey;
}

/** The answers a /scores reply counted, over all its questions: it moves when a new response is counted. */
function answersCounted(scores) {
  return (scores.questions || []).reduce((total, question) => total + question.count, 0);
}

/**
 * Refreshes the dashboard of {@code surveyId} as its responses arrive (live updates), in place, once the scores have
 * counted them ({@code countedBefore}: the answers the shown figures counted, in the default period, which holds
 * today in every period), keeping the scroll and the focus, and saying so to screen readers.
 */
function refreshOnNewResponses(context, surveyId, days, countedBefore) {
  let pending = null;
  context.main.dataset.survey = surveyId;
  const redraw = async () => {
    const scrolled = window.scrollY;
    const focused = document.activeElement?.id;
    await surveyDashboard(context, surveyId, days, { quiet: true });
    window.scrollTo(0, scrolled);
    if (focused) {
      document.getElementById(focused)?.focus({ preventScroll: true });
    }
    context.announce(context.t.liveUpdated);
  };
  const check = async (attempt) => {
    if (context.main.dataset.survey !== surveyId) {
      return;
    }
    let counted = null;
    try {
      counted = answersCounted(await context.api.get(`/surveys/${encodeURIComponent(surveyId)}/scores`));
    } catch (unread) {
      counted = null; // the redraw reads them again and says what failed
    }
    if (counted === countedBefore && attempt + 1 < LIVE_CHECKS_MS.length) {
      pending = setTimeout(() => check(attempt + 1), LIVE_CHECKS_MS[attempt + 1]);
      return;
    }
    await redraw();
  };
  const stop = context.live?.on((update) => {
    if (update.type !== 'response.completed' || update.surveyId !== surveyId) {
      return;
    }
    clearTimeout(pending);
    pending = setTimeout(() => check(0), LIVE_CHECKS_MS[0]);
  });
  context.stopLive = () => {
    clearTimeout(pending);
    stop?.();
  };
}

/**
 * A screen the person's roles do not reach (the console's own check, or the gateway's 403): said plainly, not as an
 * error, with a way to the first screen they may use ({@code home}, a #route; none when their roles reach nothing).
 */
export function notAllowed(context, home = context.home) {
  const { t } = context;
  show(context, el('section', { class: 'message', id: 'not-allowed' },
    el('h1', { id: 'page-title', tabindex: '-1' }, t.notAllowedTitle),
    el('p', { id: 'error-detail' }, t.forbidden),
    home ? el('p', {}, el('a', { href: home, id: 'to-first-screen' }, t.toFirstScreen)) : el('p', {}, t.noScreens)));
  context.main.dataset.ready = 'true';
}

/** A failed load, explained by its status, with a way to try again; a refusal (403) is not a failure to retry. */
export function failure(context, error, retry) {
  const { t } = context;
  if (error.status === 403) {
    notAllowed(context);
    return;
  }
  const reason = error.status === 404 ? t.notFound
    : error.status === 0 ? t.unreachable : error.message;
  show(context, el('section', { class: 'message' },
    el('h1', { id: 'error-title' }, t.loadFailed),
    el('p', { class: 'error', id: 'error-detail' }, reason),
    retry ? el('button', { type: 'button', id: 'retry', onclick: retry }, t.tryAgain) : null));
}

export function formatNumber(context, value, digits) {
  if (value === null || value === undefined) {
    return '–';
  }
  return new Intl.NumberFormat(context.language, { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    .format(value);
}

function formatSigned(context, value, digits) {
  if (value === null || value === undefined) {
    return '–';
  }
  const text = formatNumber(context, Math.abs(value), digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

export function formatDate(context, isoDate, long = false) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const style = long ? { dateStyle: 'medium' } : { month: 'numeric', day: 'numeric' };
  return new Intl.DateTimeFormat(context.language, { ...style, timeZone: 'UTC' }).format(date);
}

export function shiftDays(isoDate, days) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// -----------------------------------------------------------------------------------------------------------------
// the survey list

export async function surveyList(context) {
  const { api, t } = context;
  loading(context);
  const rows = el('tbody');
  const more = el('button', { type: 'button', class: 'quiet', id: 'more', hidden: true }, t.more);
  let after = null;
  const load = async () => {
    const page = await api.get('/surveys', { limit: 50, after });
    (page.items || []).forEach((survey) => rows.append(el('tr', { 'data-survey': survey.id },
      el('th', { scope: 'row' }, el('a', { href: `#/surveys/${encodeURIComponent(survey.id)}` }, survey.name)),
      el('td', {}, el('span', { class: 'status-pill' }, t.status[survey.status] || survey.status)),
      el('td', { class: 'number' }, survey.publishedVersion ?? '–'),
      el('td', {}, survey.updatedAt ? new Intl.DateTimeFormat(context.language, { dateStyle: 'medium',
        timeStyle: 'short' }).format(new Date(survey.updatedAt)) : '–'))));
    after = page.next || null;
    more.hidden = !after;
    return (page.items || []).length;
  };
  try {
    await load();
  } catch (error) {
    failure(context, error, () => surveyList(context));
    return;
  }
  more.addEventListener('click', () => load().catch((error) => context.announce(error.message)));
  const empty = rows.children.length === 0;
  show(context,
    el('div', { class: 'heading' }, el('h1', { id: 'page-title', tabindex: '-1' }, t.surveysTitle),
      context.session.has('admin') ? el('a', { href: '#/surveys/new', id: 'new-survey', class: 'button',
        'data-admin-action': 'new-survey' }, t.ed.newTitle) : null),
    empty ? el('p', { class: 'empty' }, t.surveysEmpty) : el('div', { class: 'panel table-scroll' },
      el('table', { id: 'surveys' },
        el('caption', {}, t.surveysCaption),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t.colSurvey),
          el('th', { scope: 'col' }, t.colStatus),
          el('th', { scope: 'col', class: 'number' }, t.colVersion),
          el('th', { scope: 'col' }, t.colUpdated))),
        rows)),
    more);
}

// -----------------------------------------------------------------------------------------------------------------
// one survey's dashboard

/** The headline scores of a /scores answer: the first question of each type that has one. */
function headlinesOf(scores) {
  const found = [];
  HEADLINES.forEach((headline) => {
    const question = (scores.questions || []).find((q) => q.type === headline.type
      && (q.scores || []).some((s) => s.name === headline.score));
    if (question) {
      found.push({ ...headline, question, estimate: question.scores.find((s) => s.name === headline.score) });
    }
  });
  return found;
}

/**
 * Whether a change is more than chance, as a CX lead may repeat it: the z-test's verdict only where both periods
 * have the answers it needs (30, the API's smallSample); with fewer, a change of any size is not called either way.
 */
function verdictOf(t, estimate, previous) {
  if (estimate.smallSample || previous.smallSample) {
    return t.tooFewToTell;
  }
  return estimate.significantChange ? t.significant : t.notSignificant;
}

function scoreCard(context, { score, digits, estimate }) {
  const { t } = context;
  const previous = estimate.previous;
  const change = estimate.change;
  return el('section', { class: 'card', id: `card-${score}`, 'aria-labelledby': `card-${score}-title` },
    el('h2', { id: `card-${score}-title` }, t.scoreNames[score]),
    el('p', { class: 'figure' },
      el('span', { id: `score-${score}` }, formatNumber(context, estimate.value, digits)),
      estimate.marginOfError === null || estimate.marginOfError === undefined ? null
        : el('span', { class: 'margin', id: `margin-${score}` }, t.margin(formatNumber(context,
          estimate.marginOfError, digits)))),
    el('p', { class: 'detail', id: `count-${score}` }, t.answers(estimate.count)),
    estimate.smallSample ? el('p', { class: 'detail' }, t.smallSample) : null,
    previous && previous.count > 0
      ? el('p', { class: 'detail', id: `previous-${score}` }, t.previous(formatNumber(context, previous.value, digits)), ' · ',
        el('span', { class: change > 0 ? 'up' : change < 0 ? 'down' : '' }, t.change(formatSigned(context, change,
          digits))), ' ', `(${verdictOf(t, estimate, previous)})`)
      : el('p', { class: 'detail' }, t.noPrevious));
}

function adminActions(context, survey, reload) {
  const { api, t, session } = context;
  if (!session.has('admin')) {
    return null;
  }
  const offered = survey.status === 'DRAFT' ? ['publish'] : survey.status === 'ACTIVE' ? ['pause', 'close']
    : survey.status === 'PAUSED' ? ['resume', 'close'] : [];
  if (offered.length === 0) {
    return null;
  }
  return el('div', { class: 'actions', id: 'admin-actions' }, offered.map((action) => el('button', {
    type: 'button',
    id: `action-${action}`,
    'data-admin-action': action,
    class: action === 'close' ? 'danger' : 'quiet',
    onclick: async (event) => {
      const button = event.currentTarget;
      // The browser's own dialog: keyboard and screen-reader ready, and the step is not undone
      if (!window.confirm(t.confirm[action])) {
        return;
      }
      button.disabled = true;
      try {
        await api.post(`/surveys/${encodeURIComponent(survey.id)}/${action}`);
        context.announce(t.done[action]);
        reload();
      } catch (error) {
        context.announce(error.message);
        button.disabled = false;
      }
    },
  }, t[action])));
}

export async function surveyDashboard(context, surveyId, days = DEFAULT_DAYS, { quiet = false } = {}) {
  const { api, t } = context;
  if (!quiet) {
    loading(context);
  }
  const path = `/surveys/${encodeURIComponent(surveyId)}`;
  let survey;
  let scores;
  let counted;
  try {
    // Days are the tenant's (insight-service's time zone): the first answer names today's date there.
    [survey, scores] = await Promise.all([api.get(path), api.get(`${path}/scores`)]);
    counted = answersCounted(scores);
    if (days !== DEFAULT_DAYS) {
      const to = scores.period.to;
      scores = await api.get(`${path}/scores`, { from: shiftDays(to, 1 - days), to });
    }
  } catch (error) {
    failure(context, error, () => surveyDashboard(context, surveyId, days));
    return;
  }
  const reload = () => surveyDashboard(context, surveyId, days);
  const { from, to } = scores.period;
  const headlines = headlinesOf(scores);

  const period = el('select', { id: 'period', onchange: (event) => surveyDashboard(context, surveyId,
    Number(event.target.value)) }, PERIODS.map((choice) => el('option', { value: choice, selected: choice === days },
    t.lastDays(choice))));
  const heading = el('div', { class: 'heading' },
    el('h1', { id: 'page-title', tabindex: '-1' }, survey.name),
    adminActions(context, survey, reload));
  const surveyLinks = el('p', { class: 'actions', id: 'survey-links' },
    context.session.has('admin') && survey.status !== 'CLOSED' ? el('a', { href: `#/surveys/${encodeURIComponent(
      surveyId)}/edit`, id: 'to-editor', 'data-admin-action': 'edit' }, t.ed.edit) : null,
    el('a', { href: `#/surveys/${encodeURIComponent(surveyId)}/distribution`, id: 'to-distribution' },
      t.dist.title));
  const filters = el('div', { class: 'filters' },
    el('label', {}, t.period, period),
    el('button', { type: 'button', class: 'quiet', id: 'refresh', onclick: reload }, t.refresh),
    el('span', { class: 'meta', id: 'range' }, `${formatDate(context, from, true)} – ${formatDate(context, to, true)}`,
      ` · ${t.status[survey.status] || survey.status}`));

  if (headlines.length === 0) {
    show(context, el('p', {}, el('a', { href: '#/' }, t.allSurveys)), heading, surveyLinks, filters,
      el('p', { class: 'empty', id: 'no-scores' }, t.noScores));
    refreshOnNewResponses(context, surveyId, days, counted);
    return;
  }

  const metric = el('select', { id: 'metric' }, headlines.map((headline) => el('option', { value: headline.score },
    t.scoreNames[headline.score])));
  // ECharts' aria option labels each chart's element with a description of the chart: an image, to assistive tech
  const trend = el('div', { class: 'chart', id: 'trend-chart', role: 'img' });
  const breakdown = breakdownPanel(context, { surveyId, path, headlines, from, to, metric });
  show(context,
    el('p', { class: 'actions' }, el('a', { href: '#/' }, t.allSurveys),
      el('a', { href: `#/surveys/${encodeURIComponent(surveyId)}/topics`, id: 'survey-topics' }, t.topicsLink)),
    heading,
    surveyLinks,
    filters,
    el('div', { class: 'cards', id: 'scores' }, headlines.map((headline) => scoreCard(context, headline))),
    el('section', { class: 'panel', 'aria-labelledby': 'trend-title' },
      el('div', { class: 'panel-head' },
        el('h2', { id: 'trend-title' }, t.trendTitle),
        el('div', { class: 'actions' },
          el('label', { class: 'language' }, t.trendScore, metric),
          el('button', { type: 'button', class: 'quiet', id: 'export-trend',
            onclick: () => downloadPng(trend, `${surveyId}-trend-${metric.value}-${from}-${to}.png`) },
          t.exportPng))),
      trend),
    breakdown.panel);
  refreshOnNewResponses(context, surveyId, days, counted);

  const drawTrend = () => drawTrendChart(context, { path, headlines, score: metric.value, from, to, days, element:
    trend }).catch((error) => context.announce(error.message));
  metric.addEventListener('change', drawTrend);
  drawTrend();
  await breakdown.load();
  context.main.dataset.ready = 'true';
}

function granularityOf(days) {
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}

/** The chosen score per period, this period and the one before (same length), aligned by position. */
async function drawTrendChart(context, { path, headlines, score, from, to, days, element }) {
  const { api, t } = context;
  const headline = headlines.find((h) => h.score === score);
  const query = { question: headline.question.questionId, granularity: granularityOf(days) };
  const [current, previous] = await Promise.all([
    api.get(`${path}/trend`, { ...query, from, to }),
    api.get(`${path}/trend`, { ...query, from: shiftDays(from, -days), to: shiftDays(from, -1) }),
  ]);
  const pointsOf = (trendView) => {
    const series = (trendView.series || []).find((s) => s.type === headline.type) || { points: [] };
    return series.points.map((point) => {
      const estimate = (point.scores || []).find((s) => s.name === score);
      return { from: point.from, value: estimate ? estimate.value : null };
    });
  };
  const now = pointsOf(current);
  const before = pointsOf(previous);
  const length = Math.max(now.length, before.length);
  const round = (value) => (value === null ? null : Number(value.toFixed(headline.digits)));
  return trendChart(element, {
    labels: Array.from({ length }, (_, i) => (now[i] ? formatDate(context, now[i].from) : '')),
    current: Array.from({ length }, (_, i) => (now[i] ? round(now[i].value) : null)),
    previous: Array.from({ length }, (_, i) => (before[i] ? round(before[i].value) : null)),
    names: { current: t.thisPeriod, previous: t.previousPeriod },
    title: t.scoreNames[score],
    description: t.trendLabel(t.scoreNames[score]),
  });
}
