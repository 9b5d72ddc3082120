// The journey map (#/journey): every survey's NPS, CSAT and CES answers by journey stage and, within each stage, by
// touchpoint, with their volume, margins, the texts' sentiment and top topics (insight-service's /insights/journey).
// The weakest stage — the lowest score among stages with enough answers, as insight-service names it — is said in
// words above the chart and marked in words in the table, not by colour alone.

import { barChart, downloadCsv, downloadPng } from './charts.js';
import { topicLabel } from './topics.js';
import { HEADLINES, el, failure, formatNumber, loading, shiftDays, show } from './views.js';

/** survey-service's journey stages, in the order a customer lives them; answers without a stage come last. */
const STAGES = ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'support', 'renewal', 'advocacy'];
const PERIODS = [7, 30, 90, 365];
const DEFAULT_DAYS = 30;
const TOPICS_SHOWN = 3;

function stageOrder(stage) {
  const index = STAGES.indexOf(stage);
  return index < 0 ? STAGES.length : index;
}

/** The headline score {@code headline} of one place of the journey (a stage or a touchpoint), if it has answers. */
function estimateAt(place, headline) {
  const type = (place.scores || []).find((scores) => scores.type === headline.type);
  return type ? (type.scores || []).find((score) => score.name === headline.score) : null;
}

function stageName(context, stage) {
  return stage ? context.t.stages[stage] || stage : context.t.notGiven;
}

function scoreText(context, estimate, digits) {
  if (!estimate || estimate.value === null || estimate.value === undefined) {
    return '–';
  }
  const margin = estimate.marginOfError;
  return [formatNumber(context, estimate.value, digits), margin === null || margin === undefined ? ''
    : context.t.margin(formatNumber(context, margin, digits))].join(' ').trim();
}

function sentimentText(context, texts) {
  const value = texts?.averageSentiment;
  if (value === null || value === undefined) {
    return '–';
  }
  const text = formatNumber(context, Math.abs(value), 2);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

function topicsText(context, texts) {
  return (texts?.topics || []).slice(0, TOPICS_SHOWN)
    .map((topic) => `${topicLabel(context, topic.topic)} (${topic.texts})`).join(context.t.listSeparator);
}

/** The journey as rows: a stage, then its touchpoints; for CSV, plain numbers and the weakest stage as a column. */
function rows(context, stages, weakest, forCsv) {
  const { t } = context;
  const header = [t.colStage, t.colTouchpoint, t.colResponses];
  HEADLINES.forEach((h) => {
    header.push(t.scoreNames[h.score]);
    if (forCsv) {
      header.push(`${t.scoreNames[h.score]} ±`);
    }
  });
  header.push(t.colSentiment, t.colTopTopics);
  if (forCsv) {
    header.push(t.colWeakest);
  }
  const line = (stage, place, isStage) => {
    const row = [forCsv ? stage.journeyStage : stageName(context, stage.journeyStage),
      isStage ? (forCsv ? '' : t.allTouchpoints) : place.touchpoint || (forCsv ? '' : t.notGiven), place.responses];
    HEADLINES.forEach((h) => {
      const estimate = estimateAt(place, h);
      if (forCsv) {
        row.push(estimate?.value ?? '', estimate?.marginOfError ?? '');
      } else {
        row.push(scoreText(context, estimate, h.digits));
      }
    });
    row.push(forCsv ? place.texts?.averageSentiment ?? '' : sentimentText(context, place.texts),
      forCsv ? (place.texts?.topics || []).map((topic) => topic.topic).join(' ') : topicsText(context, place.texts));
    if (forCsv) {
      row.push(isStage && weakest?.journeyStage === stage.journeyStage ? 'weakest' : '');
    }
    return row;
  };
  const body = [];
  stages.forEach((stage) => {
    body.push({ stage, row: line(stage, stage.overall, true) });
    (stage.touchpoints || []).forEach((place) => body.push({ stage, place, row: line(stage, place, false) }));
  });
  return { header, body };
}

function table(context, stages, weakest) {
  const { t } = context;
  const { header, body } = rows(context, stages, weakest, false);
  return el('table', { id: 'journey' },
    el('caption', {}, t.journeyCaption),
    el('thead', {}, el('tr', {}, header.map((name, i) => el('th', { scope: 'col', class: i === 2 || (i > 2
      && i < 3 + HEADLINES.length) ? 'number' : null }, name)))),
    el('tbody', {}, body.map(({ stage, place, row }) => {
      const isWeakest = !place && weakest?.journeyStage === stage.journeyStage;
      return el('tr', {
        'data-stage': stage.journeyStage,
        'data-touchpoint': place ? place.touchpoint ?? '' : null,
        class: [place ? 'touchpoint' : 'stage', isWeakest ? 'weakest' : ''].join(' ').trim(),
      }, row.map((cell, i) => {
        // A stage's row is headed by the stage; a touchpoint's by the touchpoint, its stage said to screen readers
        if (i === 0 && !place) {
          return el('th', { scope: 'row' }, cell,
            isWeakest ? el('strong', { class: 'flag', id: 'weakest-flag' }, t.weakestFlag) : null);
        }
        if (i === 0) {
          return el('td', {}, el('span', { class: 'visually-hidden' }, cell));
        }
        if (i === 1 && place) {
          return el('th', { scope: 'row' }, cell);
        }
        return el('td', { class: i === 2 || (i > 2 && i < 3 + HEADLINES.length) ? 'number' : null }, cell);
      }));
    })));
}

/** The weakest stage in words: which, by what score, its value, margin and count; or why none is named. */
function weakestSummary(context, weakest) {
  const { t } = context;
  if (!weakest) {
    return el('p', { class: 'callout', id: 'weakest' }, t.noWeakest);
  }
  const headline = HEADLINES.find((h) => h.score === weakest.score) || { digits: 1 };
  return el('p', { class: 'callout weakest', id: 'weakest' },
    el('strong', {}, t.weakestTitle), ' ',
    el('span', { id: 'weakest-stage' }, stageName(context, weakest.journeyStage)), ' — ',
    t.weakestDetail(t.scoreNames[weakest.score] || weakest.score, scoreText(context, weakest, headline.digits),
      weakest.count));
}

export async function journeyMap(context, days = DEFAULT_DAYS) {
  const { api, t } = context;
  loading(context);
  let journey;
  try {
    journey = await api.get('/insights/journey');
    if (days !== DEFAULT_DAYS) {
      const to = journey.period.to;
      journey = await api.get('/insights/journey', { from: shiftDays(to, 1 - days), to });
    }
  } catch (error) {
    failure(context, error, () => journeyMap(context, days));
    return;
  }
  const { from, to } = journey.period;
  const stages = [...(journey.stages || [])].sort((a, b) => stageOrder(a.journeyStage) - stageOrder(b.journeyStage));
  const weakest = journey.weakest;
  // The chart ranks stages by the score insight-service judged the weakest by, NPS when none was named.
  const ranking = HEADLINES.find((h) => h.score === weakest?.score) || HEADLINES[0];
  const period = el('select', { id: 'journey-period', onchange: (event) => journeyMap(context,
    Number(event.target.value)) }, PERIODS.map((choice) => el('option', { value: choice, selected: choice === days },
    t.lastDays(choice))));
  const chart = el('div', { class: 'chart', id: 'journey-chart', role: 'img' });
  const heading = el('h1', { id: 'page-title', tabindex: '-1' }, t.journeyTitle);
  const filters = el('div', { class: 'filters' },
    el('label', {}, t.period, period),
    el('span', { class: 'meta', id: 'range' }, `${from} – ${to} (${journey.timeZone})`));
  if (stages.length === 0) {
    show(context, heading, filters, el('p', { class: 'empty', id: 'journey-empty' }, t.journeyEmpty));
    context.main.dataset.ready = 'true';
    return;
  }
  show(context, heading, filters, weakestSummary(context, weakest),
    el('section', { class: 'panel', 'aria-labelledby': 'journey-chart-title' },
      el('div', { class: 'panel-head' },
        el('h2', { id: 'journey-chart-title' }, t.journeyChartTitle(t.scoreNames[ranking.score])),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'quiet', id: 'export-journey-png',
            onclick: () => downloadPng(chart, `journey-${ranking.score}-${from}-${to}.png`) }, t.exportPng),
          el('button', { type: 'button', class: 'quiet', id: 'export-journey-csv',
            onclick: () => {
              const { header, body } = rows(context, stages, weakest, true);
              downloadCsv([header, ...body.map(({ row }) => row)], `journey-${from}-${to}.csv`);
            } }, t.exportCsv))),
      chart,
      el('div', { class: 'table-scroll' }, table(context, stages, weakest))));
  const weakestIndex = stages.findIndex((stage) => stage.journeyStage === weakest?.journeyStage);
  await barChart(chart, {
    labels: stages.map((stage) => (stages.indexOf(stage) === weakestIndex
      ? `${stageName(context, stage.journeyStage)}\n${t.weakestFlag}` : stageName(context, stage.journeyStage))),
    values: stages.map((stage) => {
      const estimate = estimateAt(stage.overall, ranking);
      return estimate && estimate.value !== null ? Number(estimate.value.toFixed(ranking.digits)) : null;
    }),
    highlight: weakestIndex,
    title: t.scoreNames[ranking.score],
    description: t.journeyChartLabel(t.scoreNames[ranking.score], weakest ? stageName(context, weakest.journeyStage)
      : t.noWeakest),
  }).catch((error) => context.announce(error.message));
  context.main.dataset.ready = 'true';
}
