// One control per kind of question, built with the DOM (never from markup, so no survey text or answer can become
// markup). Each control reports its value in the shape survey-service takes (a number for scales, an option id or a
// list of them for choices, a map for a matrix, ...), or undefined when left unanswered. Groups of inputs are a
// fieldset with the question as its legend; single inputs have the question as their label.

import { scaleOf, wording } from './logic.js';

/** An element with attributes and children (strings become text nodes). */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

// The order a randomised question's options were shown in, kept while the page lives: a respondent going back to a
// page finds them where they were.
const shuffled = new Map();

function ordered(question, options) {
  if (!question.settings?.randomiseOptions) {
    return options;
  }
  if (!shuffled.has(question.id)) {
    const copy = options.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    shuffled.set(question.id, copy.map((option) => option.id));
  }
  const order = shuffled.get(question.id);
  return order.map((id) => options.find((option) => option.id === id));
}

/**
 * The control of one question: {element, text (the node its piped wording goes in), focus(), showError(text)}.
 * `context` has the language, the survey's default, the page's texts t, the current value and onChange.
 */
export function control(question, context) {
  const builders = {
    NPS: scale, CSAT: scale, CES: scale, RATING: scale, SINGLE_CHOICE: choice, MULTIPLE_CHOICE: choice,
    RANKING: ranking, MATRIX: matrix, TEXT: text, DATE: date, CONSENT: consent,
  };
  const build = builders[question.type];
  return build ? build(question, context) : null;
}

function labelOf(option, context) {
  return wording(option.label, context.language, context.defaultLanguage);
}

function marker(question, context) {
  return element('span', { className: question.required ? 'marker required' : 'marker' },
    question.required ? context.t('required') : context.t('optional'));
}

function errorNode(question) {
  return element('p', { className: 'error', id: `q-${question.id}-error`, hidden: true });
}

/** The parts every question has: the wrapper, its wording and its error, wired together. */
function frame(question, context, grouped) {
  const textNode = element('span', { className: 'wording', id: `q-${question.id}-text` });
  const error = errorNode(question);
  const heading = grouped
    ? element('legend', {}, textNode, ' ', marker(question, context))
    : element('label', { for: `q-${question.id}-input` }, textNode, ' ', marker(question, context));
  const wrapper = element(grouped ? 'fieldset' : 'div', {
    className: `question type-${question.type.toLowerCase()}`,
    id: `q-${question.id}`,
    'aria-describedby': grouped ? error.id : null,
  }, heading);
  return { wrapper, textNode, error };
}

function finish(parts, focusable) {
  parts.wrapper.append(parts.error);
  return {
    element: parts.wrapper,
    text: parts.textNode,
    focus: () => (focusable() || parts.wrapper).focus(),
    showError(message) {
      parts.error.textContent = message || '';
      parts.error.hidden = !message;
      parts.wrapper.classList.toggle('invalid', Boolean(message));
      for (const input of parts.wrapper.querySelectorAll('input, select, textarea')) {
        if (message) {
          input.setAttribute('aria-invalid', 'true');
        } else {
          input.removeAttribute('aria-invalid');
        }
      }
    },
  };
}

/** The wording of a scale's point: the survey's label for it, else the page's own for NPS's two ends. */
function pointLabel(question, score, context) {
  const labels = question.settings?.labels;
  if (labels && labels[String(score)]) {
    return wording(labels[String(score)], context.language, context.defaultLanguage);
  }
  if (question.type === 'NPS' && score === 0) {
    return context.t('npsLow');
  }
  if (question.type === 'NPS' && score === 10) {
    return context.t('npsHigh');
  }
  return '';
}

/** A row of radio buttons, one per point, as large targets; the points' labels are read with them. */
function radioScale(name, question, [min, max], current, context, onPick) {
  const row = element('div', { className: `scale points-${max - min + 1}` });
  const ends = element('div', { className: 'scale-ends', 'aria-hidden': 'true' });
  for (let score = min; score <= max; score++) {
    const label = pointLabel(question, score, context);
    const input = element('input', {
      type: 'radio', name, value: score, id: `${name}-${score}`, checked: current === score,
      required: question.required && question.type !== 'MATRIX',
    });
    input.addEventListener('change', () => onPick(score));
    row.append(element('label', { className: 'point', for: input.id }, input,
      element('span', { className: 'face' }, String(score)),
      label ? element('span', { className: 'visually-hidden' }, ` ${label}`) : null));
    if (label && (score === min || score === max)) {
      ends.append(element('span', { className: score === min ? 'end low' : 'end high' }, label));
    }
  }
  return ends.childElementCount ? [row, ends] : [row];
}

function scale(question, context) {
  const range = scaleOf(question);
  if (range[1] - range[0] > 10) {
    // A wide rating (0–100) as a number field: a hundred buttons help nobody.
    const parts = frame(question, context, false);
    const input = element('input', {
      type: 'number', id: `q-${question.id}-input`, min: range[0], max: range[1], step: 1, inputmode: 'numeric',
      value: context.value ?? null, required: question.required, 'aria-describedby': parts.error.id,
    });
    input.addEventListener('input', () => {
      const given = input.value.trim();
      context.onChange(given === '' ? undefined : Number(given));
    });
    parts.wrapper.append(input);
    return finish(parts, () => input);
  }
  const parts = frame(question, context, true);
  parts.wrapper.append(...radioScale(`q-${question.id}`, question, range, context.value, context,
    (score) => context.onChange(score)));
  return finish(parts, () => parts.wrapper.querySelector('input:checked') || parts.wrapper.querySelector('input'));
}

function choice(question, context) {
  const multiple = question.type === 'MULTIPLE_CHOICE';
  const settings = question.settings || {};
  const parts = frame(question, context, true);
  const list = element('div', { className: 'options' });
  const current = context.value;
  const picked = new Set(current === undefined ? [] : typeof current === 'string' ? [current]
    : Array.isArray(current) ? current : current.choices);
  const inputs = [];
  const name = `q-${question.id}`;
  let otherText = null;
  const read = () => {
    const choices = inputs.filter((input) => input.checked).map((input) => input.value);
    if (otherText) {
      otherText.parentElement.hidden = !choices.includes('other');
    }
    if (choices.length === 0) {
      return undefined;
    }
    if (choices.includes('other')) {
      return { choices, other: otherText.value };
    }
    return multiple ? choices : choices[0];
  };
  const add = (id, label) => {
    const input = element('input', {
      type: multiple ? 'checkbox' : 'radio', name, value: id, id: `${name}-${id}`, checked: picked.has(id),
      required: !multiple && question.required,
    });
    input.addEventListener('change', () => context.onChange(read()));
    inputs.push(input);
    list.append(element('label', { className: 'option', for: input.id }, input,
      element('span', { className: 'face' }, label)));
  };
  for (const option of ordered(question, settings.options || [])) {
    add(option.id, labelOf(option, context));
  }
  if (settings.allowOther) {
    add('other', context.t('other'));
    otherText = element('input', {
      type: 'text', id: `${name}-other-text`, className: 'other-text', maxlength: 500,
      value: current && typeof current === 'object' && !Array.isArray(current) ? current.other || '' : null,
    });
    otherText.addEventListener('input', () => context.onChange(read()));
    // Shown once "other" is picked, so that the keyboard does not pass through a field that is not asked for.
    list.append(element('div', { className: 'other', hidden: !picked.has('other') },
      element('label', { className: 'other-label', for: otherText.id }, context.t('otherText')), otherText));
  }
  parts.wrapper.append(list);
  return finish(parts, () => inputs.find((input) => input.checked) || inputs[0]);
}

function ranking(question, context) {
  const options = ordered(question, question.settings?.options || []);
  const parts = frame(question, context, true);
  const ranks = new Map(Array.isArray(context.value) ? context.value.map((id, index) => [id, index + 1]) : []);
  const selects = [];
  const read = () => {
    const given = selects.filter((select) => select.value !== '')
      .map((select) => ({ id: select.dataset.option, rank: Number(select.value) }))
      .sort((a, b) => a.rank - b.rank);
    return given.length === 0 ? undefined : given.map((entry) => entry.id);
  };
  const list = element('div', { className: 'ranking' });
  for (const option of options) {
    const label = labelOf(option, context);
    const select = element('select', { id: `q-${question.id}-${option.id}`, 'data-option': option.id },
      element('option', { value: '' }, context.t('noRank')));
    for (let rank = 1; rank <= options.length; rank++) {
      select.append(element('option', { value: rank, selected: ranks.get(option.id) === rank }, String(rank)));
    }
    select.addEventListener('change', () => context.onChange(read()));
    selects.push(select);
    list.append(element('div', { className: 'rank-row' },
      element('label', { for: select.id }, label,
        element('span', { className: 'visually-hidden' }, ` (${context.t('rank')})`)), select));
  }
  parts.wrapper.append(list);
  return finish(parts, () => selects[0]);
}

function matrix(question, context) {
  const settings = question.settings || {};
  const range = scaleOf(question);
  const parts = frame(question, context, true);
  const scores = { ...(context.value || {}) };
  for (const row of settings.rows || []) {
    const rowSet = element('fieldset', { className: 'matrix-row' },
      element('legend', {}, labelOf(row, context)));
    rowSet.append(...radioScale(`q-${question.id}-${row.id}`, question, range, scores[row.id], context,
      (score) => {
        scores[row.id] = score;
        context.onChange({ ...scores });
      }));
    parts.wrapper.append(rowSet);
  }
  return finish(parts, () => parts.wrapper.querySelector('input'));
}

function text(question, context) {
  const parts = frame(question, context, false);
  const max = question.settings?.maxLength;
  const counter = max ? element('p', { className: 'hint', id: `q-${question.id}-count` }) : null;
  const area = element('textarea', {
    id: `q-${question.id}-input`, rows: 4, required: question.required,
    'aria-describedby': [counter?.id, parts.error.id].filter(Boolean).join(' '),
  });
  area.value = context.value ?? '';
  const count = () => {
    if (counter) {
      counter.textContent = context.t('chars', { length: [...area.value].length, max });
    }
  };
  area.addEventListener('input', () => {
    count();
    context.onChange(area.value.trim() === '' ? undefined : area.value);
  });
  count();
  parts.wrapper.append(...[area, counter].filter(Boolean));
  return finish(parts, () => area);
}

function date(question, context) {
  const parts = frame(question, context, false);
  const settings = question.settings || {};
  const input = element('input', {
    type: 'date', id: `q-${question.id}-input`, min: settings.earliest, max: settings.latest,
    value: context.value ?? null, required: question.required, 'aria-describedby': parts.error.id,
  });
  input.addEventListener('change', () => context.onChange(input.value === '' ? undefined : input.value));
  parts.wrapper.append(input);
  return finish(parts, () => input);
}

function consent(question, context) {
  const textNode = element('span', { className: 'wording', id: `q-${question.id}-text` });
  const error = errorNode(question);
  const input = element('input', {
    type: 'checkbox', id: `q-${question.id}-input`, checked: context.value === true, required: question.required,
    'aria-describedby': error.id,
  });
  input.addEventListener('change', () => context.onChange(input.checked));
  const wrapper = element('div', { className: 'question type-consent', id: `q-${question.id}` },
    element('label', { className: 'option', for: input.id }, input,
      element('span', { className: 'face' }, textNode, ' ', marker(question, context))));
  return finish({ wrapper, textNode, error }, () => input);
}
