// The survey editor's logic: display conditions (showIf) on pages and questions, and the conditions of closing
// texts (endings), edited with pickers — a target, then for each comparison an earlier question, an operator that
// suits that question's kind and a value widget of the right shape — instead of raw JSON. The domain's model is kept
// as it is: a rule is its target's showIf, one comparison or an all/any list of them. A condition nested deeper than
// that (written through the API) is kept untouched and shown as not editable here.

import { el } from './views.js';
import { scaleOf } from '/respond/assets/logic.js';

const ORDERING = ['AT_MOST', 'AT_LEAST', 'LESS_THAN', 'GREATER_THAN'];
const PRESENCE = ['ANSWERED', 'NOT_ANSWERED'];
/** The operators that make sense for a question of each kind, as survey-service's Condition accepts them. */
const OPERATORS = {
  scale: [...ORDERING, 'EQUALS', 'NOT_EQUALS', 'ANY_OF', ...PRESENCE],
  choice: ['CONTAINS', 'EQUALS', 'NOT_EQUALS', 'ANY_OF', ...PRESENCE],
  DATE: [...ORDERING, 'EQUALS', 'NOT_EQUALS', ...PRESENCE],
  TEXT: ['EQUALS', 'NOT_EQUALS', 'ANY_OF', ...PRESENCE],
  HIDDEN: ['EQUALS', 'NOT_EQUALS', 'ANY_OF', ...PRESENCE],
  CONSENT: ['EQUALS', ...PRESENCE],
  RANKING: PRESENCE,
  MATRIX: PRESENCE,
};

function kindOf(question) {
  if (scaleOf(question)) {
    return question.type === 'MATRIX' ? 'MATRIX' : 'scale';
  }
  return question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE' ? 'choice' : question.type;
}

export function operatorsFor(question) {
  return OPERATORS[kindOf(question)] || PRESENCE;
}

/** A value the operator can start with for this question. */
function firstValue(question, operator) {
  if (PRESENCE.includes(operator)) {
    return undefined;
  }
  const kind = kindOf(question);
  const options = question.settings?.options || [];
  if (operator === 'ANY_OF') {
    return kind === 'choice' ? options.slice(0, 1).map((option) => option.id) : [];
  }
  if (kind === 'scale') {
    return scaleOf(question)[0];
  }
  if (kind === 'choice') {
    return options[0]?.id ?? '';
  }
  return question.type === 'CONSENT' ? true : '';
}

/** The comparisons of a condition as the pickers edit them, or null when it is nested deeper than one list. */
export function comparisonsOf(condition) {
  if (!condition) {
    return { join: 'all', list: [] };
  }
  if (condition.question) {
    return { join: 'all', list: [condition] };
  }
  const join = condition.all ? 'all' : 'any';
  const list = condition.all || condition.any || [];
  return list.every((part) => part && part.question) ? { join, list } : null;
}

function conditionFrom(join, list) {
  if (list.length === 0) {
    return null;
  }
  return list.length === 1 ? list[0] : { [join]: list };
}

/** Every question id a condition reads, renamed from {@code from} to {@code to}. */
export function renameIn(condition, from, to) {
  if (!condition) {
    return;
  }
  if (condition.question === from) {
    condition.question = to;
  }
  (condition.all || condition.any || []).forEach((part) => renameIn(part, from, to));
}

/**
 * The logic section. {@code editor} gives: t, questions() (in order, with their page), pages, endings (the array),
 * language, keyOf(object), label(question), field(target) (its path for errors), wording(input helper),
 * changed(structural).
 */
export function logicSection(editor) {
  const { t } = editor;
  const rules = editor.targets().filter((target) => target.object.showIf);
  const list = el('div', { class: 'rules', id: 'rules' }, rules.length === 0
    ? el('p', { class: 'empty' }, t.ed.noRules)
    : rules.map((target, index) => ruleCard(editor, target, index)));
  const free = editor.targets().filter((target) => !target.object.showIf && target.before.length > 0);
  const add = el('button', {
    type: 'button', class: 'quiet', id: 'add-rule', disabled: free.length === 0,
    onclick: () => {
      const target = free[free.length - 1];
      const question = target.before[target.before.length - 1];
      const operator = operatorsFor(question)[0];
      target.object.showIf = { question: question.id, operator, value: firstValue(question, operator) };
      editor.changed(true, `rule-${editor.keyOf(target.object)}-target`);
    },
  }, t.ed.addRule);
  return el('section', { class: 'panel', 'aria-labelledby': 'logic-title', id: 'logic' },
    el('h2', { id: 'logic-title' }, t.ed.logicTitle),
    el('p', { class: 'meta' }, t.ed.logicHelp),
    list, add,
    endingsPart(editor));
}

function ruleCard(editor, target, index) {
  const { t } = editor;
  const key = editor.keyOf(target.object);
  const others = editor.targets().filter((candidate) => candidate.object === target.object
    || (!candidate.object.showIf && candidate.before.length > 0));
  const targetSelect = el('select', {
    id: `rule-${key}-target`, 'data-field': `${target.field}.showIf`,
    onchange: (event) => {
      const chosen = others.find((candidate) => editor.keyOf(candidate.object) === event.target.value);
      const condition = target.object.showIf;
      target.object.showIf = null;
      chosen.object.showIf = condition;
      editor.changed(true, `rule-${editor.keyOf(chosen.object)}-target`);
    },
  }, others.map((candidate) => el('option', { value: editor.keyOf(candidate.object),
    selected: candidate.object === target.object },
    candidate.label)));
  const heading = el('h3', { id: `rule-${key}-title` }, t.ed.ruleTitle(index + 1));
  const remove = el('button', {
    type: 'button', class: 'danger', id: `rule-${key}-remove`, 'aria-describedby': heading.id,
    onclick: () => {
      target.object.showIf = null;
      editor.changed(true, 'add-rule');
    },
  }, t.ed.removeRule);
  return el('div', { class: 'rule card', 'data-rule': key, 'aria-labelledby': heading.id, role: 'group' },
    el('div', { class: 'panel-head' }, heading, remove),
    el('label', { class: 'field' }, t.ed.ruleTarget, targetSelect),
    conditionEditor(editor, target.object, 'showIf', target.before, `rule-${key}`, `${target.field}.showIf`));
}

/**
 * The comparisons of {@code owner[property]} (a showIf, an ending's or a quota's when), each an earlier question, an operator
 * and a value; with two or more, whether all or any must hold.
 */
export function conditionEditor(editor, owner, property, before, prefix, field) {
  const { t } = editor;
  const parts = comparisonsOf(owner[property]);
  if (!parts) {
    return el('p', { class: 'meta', id: `${prefix}-complex` }, t.ed.complexCondition);
  }
  const write = (structural, focus) => {
    owner[property] = conditionFrom(parts.join, parts.list);
    editor.changed(structural, focus);
  };
  const rows = parts.list.map((comparison, index) => comparisonRow(editor, comparison, before,
    `${prefix}-c${index}`, parts.list.length === 1 ? field : `${field}.${parts.join}[${index}]`,
    (structural, focus) => write(structural, focus),
    parts.list.length > (property === 'showIf' ? 1 : 0) ? () => {
      parts.list.splice(index, 1);
      write(true, `${prefix}-add`);
    } : null));
  const join = parts.list.length > 1 ? el('label', { class: 'field' }, t.ed.joinLabel, el('select', {
    id: `${prefix}-join`, onchange: (event) => {
      parts.join = event.target.value;
      write(false);
    },
  }, ['all', 'any'].map((value) => el('option', { value, selected: parts.join === value }, t.ed.join[value]))))
    : null;
  const add = el('button', {
    type: 'button', class: 'quiet', id: `${prefix}-add`, disabled: before.length === 0,
    onclick: () => {
      const question = before[before.length - 1];
      const operator = operatorsFor(question)[0];
      parts.list.push({ question: question.id, operator, value: firstValue(question, operator) });
      write(true, `${prefix}-c${parts.list.length - 1}-question`);
    },
  }, t.ed.addCondition);
  return el('div', { class: 'conditions' }, join, rows, add);
}

function comparisonRow(editor, comparison, before, prefix, field, write, remove) {
  const { t } = editor;
  const compared = before.find((question) => question.id === comparison.question);
  const questionSelect = el('select', {
    id: `${prefix}-question`, 'data-field': `${field}.question`,
    onchange: (event) => {
      const question = before.find((candidate) => candidate.id === event.target.value);
      comparison.question = question.id;
      comparison.operator = operatorsFor(question)[0];
      comparison.value = firstValue(question, comparison.operator);
      write(true, `${prefix}-question`);
    },
  }, compared ? null : el('option', { value: comparison.question, selected: true }, comparison.question),
  before.map((question) => el('option', { value: question.id, selected: question === compared },
    editor.label(question))));
  const offered = compared ? operatorsFor(compared) : PRESENCE;
  const operators = offered.includes(comparison.operator) ? offered : [comparison.operator, ...offered];
  const operatorSelect = el('select', {
    id: `${prefix}-operator`, 'data-field': `${field}.operator`,
    onchange: (event) => {
      comparison.operator = event.target.value;
      if (compared) {
        comparison.value = firstValue(compared, comparison.operator);
      }
      if (comparison.value === undefined) {
        delete comparison.value;
      }
      write(true, `${prefix}-operator`);
    },
  }, operators.map((operator) => el('option', { value: operator, selected: operator === comparison.operator },
    t.ed.operators[operator] || operator)));
  return el('div', { class: 'comparison', role: 'group', 'aria-label': t.ed.comparison },
    el('label', { class: 'field' }, t.ed.whenQuestion, questionSelect),
    el('label', { class: 'field' }, t.ed.operator, operatorSelect),
    PRESENCE.includes(comparison.operator) || !compared ? null
      : valueWidget(editor, comparison, compared, prefix, field, write),
    remove ? el('button', { type: 'button', class: 'quiet', id: `${prefix}-remove`, onclick: remove },
      t.ed.removeCondition) : null);
}

/** The value of a comparison in the shape its question's answers have. */
function valueWidget(editor, comparison, question, prefix, field, write) {
  const { t } = editor;
  const kind = kindOf(question);
  const options = question.settings?.options || [];
  const set = (value) => {
    comparison.value = value;
    write(false);
  };
  if (comparison.operator === 'ANY_OF' && kind === 'choice') {
    const picked = new Set(Array.isArray(comparison.value) ? comparison.value : []);
    return el('fieldset', { class: 'picks', 'data-field': `${field}.value`, id: `${prefix}-value` },
      el('legend', {}, t.ed.value),
      options.map((option) => el('label', {}, el('input', {
        type: 'checkbox', value: option.id, checked: picked.has(option.id), id: `${prefix}-value-${option.id}`,
        onchange: (event) => {
          if (event.target.checked) {
            picked.add(option.id);
          } else {
            picked.delete(option.id);
          }
          set(options.map((candidate) => candidate.id).filter((id) => picked.has(id)));
        },
      }), ` ${editor.optionLabel(option)}`)));
  }
  if (comparison.operator === 'ANY_OF') {
    // A list typed with commas: scores become numbers, texts stay texts.
    const shown = Array.isArray(comparison.value) ? comparison.value.join(', ') : '';
    return el('label', { class: 'field' }, t.ed.valueList, el('input', {
      type: 'text', id: `${prefix}-value`, value: shown, 'data-field': `${field}.value`,
      oninput: (event) => set(event.target.value.split(',').map((part) => part.trim()).filter(Boolean)
        .map((part) => (kind === 'scale' && /^-?\d+$/.test(part) ? Number(part) : part))),
    }));
  }
  let input;
  if (kind === 'choice') {
    input = el('select', { id: `${prefix}-value`, onchange: (event) => set(event.target.value) },
      options.map((option) => el('option', { value: option.id, selected: option.id === comparison.value },
        editor.optionLabel(option))));
  } else if (question.type === 'CONSENT') {
    input = el('select', { id: `${prefix}-value`, onchange: (event) => set(event.target.value === 'true') },
      [true, false].map((value) => el('option', { value: String(value), selected: comparison.value === value },
        value ? t.ed.yes : t.ed.no)));
  } else if (kind === 'scale') {
    const [min, max] = scaleOf(question);
    input = el('input', {
      type: 'number', id: `${prefix}-value`, min, max, step: 1, value: comparison.value ?? '',
      oninput: (event) => set(event.target.value === '' ? null : Number(event.target.value)),
    });
  } else {
    input = el('input', {
      type: question.type === 'DATE' ? 'date' : 'text', id: `${prefix}-value`, value: comparison.value ?? '',
      oninput: (event) => set(event.target.value),
    });
  }
  input.setAttribute('data-field', `${field}.value`);
  return el('label', { class: 'field' }, t.ed.value, input);
}

/** Closing texts: tried in order, the first whose condition holds is the respondent's; none: every response. */
function endingsPart(editor) {
  const { t } = editor;
  const endings = editor.endings();
  const all = editor.questions();
  return el('div', { class: 'endings', id: 'endings' },
    el('h3', {}, t.ed.endingsTitle),
    el('p', { class: 'meta' }, t.ed.endingsHelp),
    endings.map((ending, index) => {
      const key = editor.keyOf(ending);
      const field = `endings[${index}]`;
      const heading = el('h4', { id: `ending-${key}-title` }, t.ed.endingTitle(index + 1));
      return el('div', { class: 'card ending', role: 'group', 'aria-labelledby': heading.id },
        el('div', { class: 'panel-head' }, heading, el('button', {
          type: 'button', class: 'danger', id: `ending-${key}-remove`, 'aria-describedby': heading.id,
          onclick: () => {
            endings.splice(index, 1);
            editor.changed(true, 'add-ending');
          },
        }, t.ed.remove)),
        editor.idInput(ending, `ending-${key}-id`, `${field}.id`),
        editor.wording(ending, 'text', `${field}.text`, t.ed.endingText, `ending-${key}-text`, true),
        conditionEditor(editor, ending, 'when', all, `ending-${key}`, `${field}.when`));
    }),
    el('button', {
      type: 'button', class: 'quiet', id: 'add-ending',
      onclick: () => {
        const ids = new Set(endings.map((ending) => ending.id));
        let number = endings.length + 1;
        while (ids.has(`ending${number}`)) {
          number++;
        }
        endings.push({ id: `ending${number}`, when: null, text: {} });
        editor.changed(true, `ending-${editor.keyOf(endings[endings.length - 1])}-text`);
      },
    }, t.ed.addEnding));
}
