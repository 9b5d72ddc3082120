// A survey's scores broken down by one dimension — channel, touchpoint, journey stage, locale or profile segment —
// chosen in a selector: a bar chart of the chosen score and a table of every headline score with its margin and
// count, both exportable (PNG, CSV). One call per choice (insight-service's /breakdown), which also names the
// values that occurred; segments are named from profile-service's list.

import { barChart, downloadCsv, downloadPng } from './charts.js';
import { el, formatNumber } from './views.js';

export const DIMENSIONS = ['channel', 'touchpoint', 'journeyStage', 'locale', 'segment'];
const SEGMENT_PAGES = 5;

/** A value of {@code by} as a person reads it in the console's language ("" is "not given"). */
export function valueLabel(context, by, value, segmentNames = new Map()) {
  const { t } = context;
  if (value === '' || value === null || value === undefined) {
    return t.notGiven;
  }
  if (by === 'channel') {
    return t.channels[value] || value;
  }
  if (by === 'journeyStage') {
    return t.stages[value] || value;
  }
  if (by === 'locale') {
    try {
      return new Intl.DisplayNames([context.language], { type: 'language' }).of(value) || value;
    } catch (notATag) {
      return value;
    }
  }
  if (by === 'segment') {
    return segmentNames.get(value) || value;
  }
  return value;
}

/** The names of the segments {@code ids}, from profile-service's list (a few pages at most). */
async function segmentNames(api, ids) {
  const names = new Map();
  let after = null;
  for (let page = 0; page < SEGMENT_PAGES; page += 1) {
    const answer = await api.get('/profiles/segments', { limit: 200, after });
    (answer.items || []).forEach((segment) => names.set(segment.id, segment.name));
    after = answer.next;
    if (!after || ids.every((id) => names.has(id))) {
      break;
    }
  }
  return names;
}

function estimateIn(group, headline) {
  const question = (group.questions || []).find((q) => q.questionId === headline.question.questionId
    && q.type === headline.type);
  return question ? (question.scores || []).find((s) => s.name === headline.score) : null;
}

function answersIn(group) {
  return Math.max(0, ...(group.questions || []).map((q) => q.count));
}

/** The breakdown as rows: a header, then one per value; for CSV, plain numbers in separate columns. */
function rows(context, state, forCsv) {
  const { t } = context;
  const header = [t.dimensionNames[state.by], t.colAnswers];
  state.headlines.forEach((h) => {
    header.push(t.scoreNames[h.score]);
    if (forCsv) {
      header.push(`${t.scoreNames[h.score]} ±`);
    }
  });
  const body = state.groups.map((group) => {
    const row = [forCsv && state.by !== 'segment' ? group.value : state.label(group.value), answersIn(group)];
    state.headlines.forEach((h) => {
      const estimate = estimateIn(group, h);
      if (forCsv) {
        row.push(estimate?.value ?? '', estimate?.marginOfError ?? '');
      } else {
        const margin = estimate?.marginOfError;
        row.push(estimate && estimate.value !== null ? [formatNumber(context, estimate.value, h.digits),
          margin === null || margin === undefined ? '' : t.margin(formatNumber(context, margin, h.digits))]
          .join(' ').trim() : '–');
      }
    });
    return row;
  });
  return [header, ...body];
}

function table(context, state) {
  const { t } = context;
  if (state.groups.length === 0) {
    return el('p', { class: 'empty', id: 'breakdown-empty' }, t.breakdownEmpty);
  }
  const [header, ...body] = rows(context, state, false);
  return el('table', { id: 'breakdown', 'data-by': state.by },
    el('caption', {}, t.breakdownCaption(t.dimensionNames[state.by])),
    el('thead', {}, el('tr', {}, header.map((name, i) => el('th', { scope: 'col', class: i > 0 ? 'number' : null },
      name)))),
    el('tbody', {}, body.map((row, index) => el('tr', { 'data-value': state.groups[index].value },
      row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', { class: 'number' }, cell)))))));
}

function draw(context, state, element, score) {
  const { t } = context;
  const headline = state.headlines.find((h) => h.score === score);
  return barChart(element, {
    labels: state.groups.map((group) => state.label(group.value)),
    values: state.groups.map((group) => {
      const estimate = estimateIn(group, headline);
      return estimate && estimate.value !== null ? Number(estimate.value.toFixed(headline.digits)) : null;
    }),
    title: t.scoreNames[score],
    description: t.breakdownLabel(t.scoreNames[score], t.dimensionNames[state.by]),
  });
}

/**
 * The breakdown panel of a survey's dashboard; {@code metric} is the dashboard's score selector, whose choice the
 * chart shows. Returns the panel and {@code load()}, which reads the chosen breakdown and draws it.
 */
export function breakdownPanel(context, { surveyId, path, headlines, from, to, metric }) {
  const { api, t } = context;
  const chart = el('div', { class: 'chart', id: 'breakdown-chart', role: 'img' });
  const holder = el('div', { class: 'table-scroll', id: 'breakdown-table' });
  const by = el('select', { id: 'breakdown-by' }, DIMENSIONS.map((dimension) => el('option', { value: dimension },
    t.dimensionNames[dimension])));
  let state = null;
  const load = async () => {
    const chosen = by.value;
    holder.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.get(`${path}/breakdown`, { by: chosen, from, to });
      const groups = (answer.groups || []).filter((group) => answersIn(group) > 0);
      const names = chosen === 'segment' && groups.length > 0
        ? await segmentNames(api, groups.map((group) => group.value)) : new Map();
      if (by.value !== chosen) {
        return; // another choice was made meanwhile: its own load draws it
      }
      state = { by: chosen, groups, headlines, label: (value) => valueLabel(context, chosen, value, names) };
      holder.replaceChildren(table(context, state));
      await draw(context, state, chart, metric.value);
      context.announce(t.breakdownShown(t.dimensionNames[chosen]));
    } catch (error) {
      holder.replaceChildren(el('p', { class: 'error' }, error.message));
    } finally {
      holder.setAttribute('aria-busy', 'false');
    }
  };
  by.addEventListener('change', load);
  metric.addEventListener('change', () => {
    if (state) {
      draw(context, state, chart, metric.value);
    }
  });
  const panel = el('section', { class: 'panel', 'aria-labelledby': 'breakdown-title' },
    el('div', { class: 'panel-head' },
      el('h2', { id: 'breakdown-title' }, t.breakdownTitle),
      el('div', { class: 'actions' },
        el('label', { class: 'language' }, t.breakdownBy, by),
        el('button', { type: 'button', class: 'quiet', id: 'export-breakdown',
          onclick: () => downloadPng(chart, `${surveyId}-${by.value}-${from}-${to}.png`) }, t.exportPng),
        el('button', { type: 'button', class: 'quiet', id: 'export-csv',
          onclick: () => state && downloadCsv(rows(context, state, true),
            `${surveyId}-${state.by}-${from}-${to}.csv`) }, t.exportCsv))),
    chart, holder);
  return { panel, load };
}
