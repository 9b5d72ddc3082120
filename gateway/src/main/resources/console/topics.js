// What customers write about: a survey's free-text answers (#/surveys/<id>/topics, /surveys/{id}/topics) or the
// tenant's unsolicited feedback (#/topics, /insights/feedback/topics) — the top topics with their volume and average
// sentiment, and the topics that drive detractors with the two-proportion test's figures. Each topic comes with
// evidence phrases: insight-service keeps counts, never a customer's words, so the console reads a sample of the
// period's texts (the responses or the feedback, which this reader may read anyway) and has the analyser say which
// phrase of each text carried its sentiment next to the topic (POST /insights/text-analysis, nothing stored).

import { barChart, downloadCsv, downloadPng } from './charts.js';
import { el, failure, formatNumber, loading, shiftDays, show } from './views.js';

const PERIODS = [7, 30, 90, 365];
const DEFAULT_DAYS = 30;
/** Texts read for evidence, and how many are analysed at once. */
const SAMPLE = 40;
const PARALLEL = 4;
const PHRASES_SHOWN = 3;

/** A topic id (the same in every language) in the console's language. */
export function topicLabel(context, topic) {
  return context.t.topics[topic] || topic;
}

function signed(context, value, digits) {
  if (value === null || value === undefined) {
    return '–';
  }
  const text = formatNumber(context, Math.abs(value), digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

function percent(context, value) {
  return value === null || value === undefined ? '–' : `${formatNumber(context, value, 1)} %`;
}

/** The texts to find evidence in: [{text, language, detractor}] from the period's responses or feedback. */
async function sampleTexts(api, surveyId, from) {
  if (!surveyId) {
    const page = await api.get('/feedback', { limit: SAMPLE });
    return (page.items || []).filter((item) => item.text).map((item) => ({ text: item.text,
      language: item.language, detractor: item.rating !== null && item.ratingMax ? item.rating / item.ratingMax
        <= 0.6 : false }));
  }
  const page = await api.get(`/surveys/${encodeURIComponent(surveyId)}/responses`, { limit: SAMPLE,
    completed: true, from: `${from}T00:00:00Z` });
  const texts = [];
  (page.items || []).forEach((response) => {
    const nps = (response.answers || []).find((answer) => answer.type === 'NPS' && answer.score !== null);
    (response.answers || []).forEach((answer) => {
      const text = answer.type === 'TEXT' ? answer.text : answer.otherText;
      if (text) {
        texts.push({ text, language: response.language, detractor: nps ? nps.score <= 6 : false });
      }
    });
  });
  return texts.slice(0, SAMPLE);
}

/**
 * Per topic, the phrases that say what was meant: for each text naming the topic, the sentiment phrase nearest to
 * the topic's word (the topic's word itself when the text carries no sentiment), with the text's language.
 */
async function evidenceByTopic(api, texts) {
  const found = new Map();
  const add = (topic, quote, detractor) => {
    const lists = found.get(topic) || { all: [], detractors: [] };
    [lists.all, detractor ? lists.detractors : null].forEach((list) => {
      if (list && !list.some((known) => known.phrase === quote.phrase)) {
        list.push(quote);
      }
    });
    found.set(topic, lists);
  };
  const analyse = async ({ text, language, detractor }) => {
    const analysis = await api.post('/insights/text-analysis', { text, language: language || undefined });
    (analysis.topics || []).forEach((topic) => {
      const at = Math.max(0, text.indexOf(topic.phrases?.[0] ?? ''));
      const nearest = (analysis.evidence || []).map((evidence) => evidence.phrase)
        .sort((a, b) => Math.abs(text.indexOf(a) - at) - Math.abs(text.indexOf(b) - at))[0];
      const phrase = nearest || topic.phrases?.[0];
      if (phrase) {
        add(topic.topic, { phrase, language: analysis.language }, detractor);
      }
    });
  };
  for (let i = 0; i < texts.length; i += PARALLEL) {
    await Promise.all(texts.slice(i, i + PARALLEL).map((text) => analyse(text).catch(() => null)));
  }
  return found;
}

function phrases(quotes, topic) {
  const list = (quotes || []).slice(0, PHRASES_SHOWN);
  if (list.length === 0) {
    return '–';
  }
  return el('ul', { class: 'evidence', 'data-topic': topic }, list.map((quote) => el('li', {},
    el('q', { lang: quote.language || null }, quote.phrase))));
}

function topicsTable(context, report, evidence) {
  const { t } = context;
  if ((report.topics || []).length === 0) {
    return el('p', { class: 'empty' }, t.topicsEmpty);
  }
  return el('table', { id: 'topics' },
    el('caption', {}, t.topicsCaption),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t.colTopic),
      el('th', { scope: 'col', class: 'number' }, t.colTexts),
      el('th', { scope: 'col', class: 'number' }, t.colShare),
      el('th', { scope: 'col', class: 'number' }, t.colSentiment),
      el('th', { scope: 'col', class: 'number' }, t.colNegative),
      el('th', { scope: 'col' }, t.colEvidence))),
    el('tbody', {}, report.topics.map((topic) => el('tr', { 'data-topic': topic.topic },
      el('th', { scope: 'row' }, topicLabel(context, topic.topic)),
      el('td', { class: 'number' }, topic.texts),
      el('td', { class: 'number' }, percent(context, topic.share)),
      el('td', { class: 'number' }, signed(context, topic.averageSentiment, 2)),
      el('td', { class: 'number' }, percent(context, topic.negativeShare)),
      el('td', { class: 'evidence-cell' }, evidence ? phrases(evidence.get(topic.topic)?.all, topic.topic)
        : t.evidenceLoading)))));
}

function driversTable(context, report, evidence) {
  const { t } = context;
  if ((report.detractorDrivers || []).length === 0) {
    return el('p', { class: 'empty', id: 'drivers-empty' }, t.driversEmpty);
  }
  return el('table', { id: 'drivers' },
    el('caption', {}, t.driversCaption),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t.colTopic),
      el('th', { scope: 'col', class: 'number' }, t.colDetractorShare),
      el('th', { scope: 'col', class: 'number' }, t.colPromoterShare),
      el('th', { scope: 'col', class: 'number' }, t.colZ),
      el('th', { scope: 'col' }, t.colEvidence))),
    el('tbody', {}, report.detractorDrivers.map((driver) => el('tr', { 'data-topic': driver.topic },
      el('th', { scope: 'row' }, topicLabel(context, driver.topic)),
      el('td', { class: 'number' }, `${percent(context, driver.detractorShare)} (${driver.detractorTexts})`),
      el('td', { class: 'number' }, `${percent(context, driver.promoterShare)} (${driver.promoterTexts})`),
      el('td', { class: 'number' }, formatNumber(context, driver.z, 2)),
      el('td', { class: 'evidence-cell' }, evidence ? phrases(evidence.get(driver.topic)?.detractors
        || evidence.get(driver.topic)?.all, driver.topic) : t.evidenceLoading)))));
}

function csvRows(context, report, evidence) {
  const { t } = context;
  const quotes = (topic) => (evidence?.get(topic)?.all || []).map((quote) => quote.phrase).join(' | ');
  const drivers = new Map((report.detractorDrivers || []).map((driver) => [driver.topic, driver]));
  return [[t.colTopic, t.colTexts, t.colShare, t.colSentiment, t.colNegative, t.colDetractorShare,
    t.colPromoterShare, t.colZ, t.colEvidence],
  ...(report.topics || []).map((topic) => [topic.topic, topic.texts, topic.share ?? '', topic.averageSentiment ?? '',
    topic.negativeShare ?? '', drivers.get(topic.topic)?.detractorShare ?? '',
    drivers.get(topic.topic)?.promoterShare ?? '', drivers.get(topic.topic)?.z ?? '', quotes(topic.topic)])];
}

/** The topics screen of a survey ({@code surveyId}) or, without one, of the tenant's unsolicited feedback. */
export async function topicsScreen(context, surveyId = null, days = DEFAULT_DAYS) {
  const { api, t } = context;
  loading(context);
  const path = surveyId ? `/surveys/${encodeURIComponent(surveyId)}/topics` : '/insights/feedback/topics';
  let report;
  let survey = null;
  let range;
  try {
    [report, survey] = await Promise.all([api.get(path),
      surveyId ? api.get(`/surveys/${encodeURIComponent(surveyId)}`) : null]);
    // Days are the tenant's: a survey's scores name today's date there (feedback has no such answer: UTC's).
    const scores = surveyId ? await api.get(`/surveys/${encodeURIComponent(surveyId)}/scores`) : null;
    const to = scores ? scores.period.to : new Date().toISOString().slice(0, 10);
    range = { from: shiftDays(to, 1 - days), to };
    if (days !== DEFAULT_DAYS || !surveyId) {
      report = await api.get(path, range);
    }
  } catch (error) {
    failure(context, error, () => topicsScreen(context, surveyId, days));
    return;
  }
  const rerun = (event) => topicsScreen(context, surveyId, Number(event.target.value));
  const period = el('select', { id: 'topics-period', onchange: rerun }, PERIODS.map((choice) => el('option', {
    value: choice, selected: choice === days }, t.lastDays(choice))));
  const chart = el('div', { class: 'chart', id: 'topics-chart', role: 'img' });
  const topicsHolder = el('div', { class: 'table-scroll' }, topicsTable(context, report, null));
  const driversHolder = el('div', { class: 'table-scroll' }, driversTable(context, report, null));
  let evidence = null;
  const name = survey ? survey.name : t.feedbackTopicsTitle;
  show(context,
    el('p', {}, survey ? el('a', { href: `#/surveys/${encodeURIComponent(surveyId)}` }, t.backToDashboard)
      : el('a', { href: '#/' }, t.allSurveys)),
    el('h1', { id: 'page-title', tabindex: '-1' }, survey ? t.topicsTitle(name) : name),
    el('div', { class: 'filters' },
      el('label', {}, t.period, period),
      el('span', { class: 'meta', id: 'range' }, `${range.from} – ${range.to}`)),
    el('p', { class: 'meta', id: 'topics-summary' }, t.topicsSummary(report.texts,
      signed(context, report.averageSentiment, 2), percent(context, report.negativeShare),
      percent(context, report.positiveShare))),
    el('section', { class: 'panel', 'aria-labelledby': 'topics-title' },
      el('div', { class: 'panel-head' },
        el('h2', { id: 'topics-title' }, t.topTopicsTitle),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'quiet', id: 'export-topics-png',
            onclick: () => downloadPng(chart, `topics-${surveyId || 'feedback'}-${range.from}-${range.to}.png`) },
          t.exportPng),
          el('button', { type: 'button', class: 'quiet', id: 'export-topics-csv',
            onclick: () => downloadCsv(csvRows(context, report, evidence),
              `topics-${surveyId || 'feedback'}-${range.from}-${range.to}.csv`) }, t.exportCsv))),
      chart, topicsHolder),
    el('section', { class: 'panel', 'aria-labelledby': 'drivers-title' },
      el('h2', { id: 'drivers-title' }, t.driversTitle),
      el('p', { class: 'meta' }, t.driversExplained),
      driversHolder),
    el('p', { class: 'meta', id: 'evidence-note' }, t.evidenceNote(SAMPLE)));
  if ((report.topics || []).length > 0) {
    await barChart(chart, {
      labels: report.topics.map((topic) => topicLabel(context, topic.topic)),
      values: report.topics.map((topic) => topic.texts),
      title: t.colTexts,
      description: t.topicsChartLabel,
    }).catch((error) => context.announce(error.message));
  } else {
    chart.hidden = true;
  }
  try {
    evidence = await evidenceByTopic(api, await sampleTexts(api, surveyId, range.from));
  } catch (error) {
    evidence = new Map();
    context.announce(error.message);
  }
  topicsHolder.replaceChildren(topicsTable(context, report, evidence));
  driversHolder.replaceChildren(driversTable(context, report, evidence));
  context.main.dataset.ready = 'true';
  context.announce(t.evidenceShown);
}
