// The survey editor (#/surveys/new, #/surveys/<id>/edit), for admins: the draft's name, languages and pages of
// questions of every kind survey-service has, with their settings; its logic (editor-logic.js); every
// respondent-facing text side by side in each offered language, missing ones flagged; a preview as a respondent
// (preview.js); the survey's settings — one response per respondent, quotas, the origins that may embed it and the
// widget's tag (editor-settings.js); saving the draft, publishing it as a new immutable version, pausing, resuming and
// closing; the published versions. The definition is edited in the API's own JSON shape, so what is saved is what is
// shown; the domain judges it and names each field at fault, and the refusal is shown next to that field.

import { logicSection, renameIn } from './editor-logic.js';
import { drawPreview, togglePreview } from './preview.js';
import { renameInSettings, settingsForRequest, settingsSection } from './editor-settings.js';
import { el, failure, loading, show } from './views.js';
import { scaleOf } from '/respond/assets/logic.js';

export const TYPES = ['NPS', 'CSAT', 'CES', 'RATING', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RANKING', 'MATRIX', 'TEXT',
  'DATE', 'CONSENT', 'HIDDEN'];
/** Languages a survey may offer (survey-service's Translations.SUPPORTED). */
const LANGUAGES = ['en', 'ja', 'zh-CN', 'zh-TW'];
const ID_STEMS = {
  NPS: 'nps', CSAT: 'csat', CES: 'ces', RATING: 'rating', SINGLE_CHOICE: 'choice', MULTIPLE_CHOICE: 'choices',
  RANKING: 'ranking', MATRIX: 'matrix', TEXT: 'comment', DATE: 'date', CONSENT: 'consent', HIDDEN: 'hidden',
};
const MAX_VERSIONS_SHOWN = 20;

/** Settings a new question of each kind starts with (only those its kind takes: the domain refuses others). */
function startingSettings(type, defaultLanguage) {
  const option = (id) => ({ id, label: { [defaultLanguage]: '' } });
  switch (type) {
    case 'RATING': return { min: 1, max: 5 };
    case 'SINGLE_CHOICE': case 'MULTIPLE_CHOICE': case 'RANKING': return { options: [option('option1'),
      option('option2')] };
    case 'MATRIX': return { rows: [option('row1'), option('row2')], min: 1, max: 5 };
    default: return null;
  }
}

/**
 * A scale's labels once its range changed from fromMin..fromMax to toMin..toMax: the editor words only the two ends,
 * so their wording moves with them (left at the old scores, it would label points the designer no longer sees).
 */
function moveEndLabels(settings, [fromMin, fromMax], [toMin, toMax]) {
  const labels = settings?.labels;
  if (!labels) {
    return;
  }
  const low = labels[fromMin];
  const high = labels[fromMax];
  delete labels[fromMin];
  delete labels[fromMax];
  if (low) {
    labels[toMin] = low;
  }
  if (high) {
    labels[toMax] = high;
  }
}

/** A deep copy without nulls, as the request body is sent: a value of 0 or false stays. */
function withoutNulls(value) {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, part]) => part !== null && part !== undefined)
      .map(([name, part]) => [name, withoutNulls(part)]));
  }
  return value;
}

function fieldId(field) {
  return field.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '');
}

export async function surveyEditor(context, surveyId) {
  const { api, t, session } = context;
  if (!session.has('admin')) {
    failure(context, { status: 403 }, null);
    return;
  }
  loading(context);
  let view = null;
  if (surveyId) {
    try {
      view = await api.get(`/surveys/${encodeURIComponent(surveyId)}`);
    } catch (error) {
      failure(context, error, () => surveyEditor(context, surveyId));
      return;
    }
  }
  new Editor(context, view).start();
}

class Editor {
  constructor(context, view) {
    this.context = context;
    this.t = context.t;
    this.view = view;
    this.keys = new WeakMap();
    this.nextKey = 1;
    this.errors = [];
    this.dirty = false;
    this.load(view);
  }

  load(view) {
    this.view = view;
    const content = view ? structuredClone(view.draft || view.latest?.content || {}) : {};
    this.name = view ? view.name : '';
    this.content = {
      title: content.title || {},
      defaultLanguage: content.defaultLanguage || 'en',
      languages: content.languages || [content.defaultLanguage || 'en'],
      touchpoint: content.touchpoint ?? null,
      journeyStage: content.journeyStage ?? null,
      pages: content.pages?.length ? content.pages : [{ id: 'page1', title: null, showIf: null, questions: [] }],
      endings: content.endings || [],
      settings: content.settings ?? null,
    };
  }

  keyOf(object) {
    if (!this.keys.has(object)) {
      this.keys.set(object, `k${this.nextKey++}`);
    }
    return this.keys.get(object);
  }

  get language() {
    return this.content.defaultLanguage;
  }

  questions() {
    return this.content.pages.flatMap((page) => page.questions);
  }

  endings() {
    return this.content.endings;
  }

  /** Pages and questions that may carry a display rule, each with the questions asked before it. */
  targets() {
    const found = [];
    const before = [];
    this.content.pages.forEach((page, pageIndex) => {
      found.push({ object: page, field: `pages[${pageIndex}]`, before: before.slice(),
        label: this.t.ed.pageLabel(pageIndex + 1, page.id) });
      page.questions.forEach((question, index) => {
        found.push({ object: question, field: `pages[${pageIndex}].questions[${index}]`, before: before.slice(),
          label: this.label(question) });
        before.push(question);
      });
    });
    return found;
  }

  label(question) {
    const number = this.questions().indexOf(question) + 1;
    const text = (question.text || {})[this.language] || '';
    return `${number}. ${question.id}${text ? ` — ${text.length > 40 ? `${text.slice(0, 40)}…` : text}` : ''}`;
  }

  optionLabel(option) {
    return (option.label || {})[this.language] || option.id;
  }

  start() {
    this.draw();
    this.context.main.dataset.ready = 'true';
  }

  /** After an edit: a structural one redraws the screen (keeping the focus), a wording one only marks it unsaved. */
  changed(structural, focusId) {
    this.dirty = true;
    if (structural && focusId) {
      this.redraw(focusId);
    } else if (structural) {
      // After a field's change event the focus is still leaving it: redraw once it has arrived where it goes.
      setTimeout(() => this.redraw(document.activeElement?.id), 0);
    } else if (this.previewOpen) {
      drawPreview(this);
    }
    this.say(this.t.ed.unsaved);
  }

  redraw(focusId) {
    this.draw();
    if (focusId) {
      document.getElementById(focusId)?.focus();
    }
  }

  say(message) {
    const state = document.getElementById('editor-state');
    if (state) {
      state.textContent = message;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // inputs

  /** A text in the default language; {@code field} is its path in the request, for the server's refusals. */
  wording(owner, property, field, label, id, multiline = false) {
    const language = this.language;
    const text = owner[property] || {};
    const input = el(multiline ? 'textarea' : 'input', {
      id, lang: language, 'data-field': `${field}.${language}`, 'data-field-also': field,
      ...(multiline ? { rows: 2 } : { type: 'text' }),
      oninput: (event) => {
        owner[property] = owner[property] || {};
        if (event.target.value === '') {
          delete owner[property][language];
        } else {
          owner[property][language] = event.target.value;
        }
        document.querySelectorAll(`[data-mirror="${CSS.escape(field)}"]`).forEach((mirror) => {
          mirror.textContent = event.target.value;
        });
        this.changed(false);
      },
    });
    input.value = text[language] || '';
    return el('label', { class: 'field' }, label, input);
  }

  idInput(owner, id, field) {
    return el('label', { class: 'field' }, this.t.ed.id, el('input', {
      type: 'text', id, value: owner.id, 'data-field': field, autocomplete: 'off', spellcheck: 'false',
      onchange: (event) => {
        const before = owner.id;
        owner.id = event.target.value.trim();
        if (owner.type) {
          // Rules and piping name questions by id: they follow the rename.
          this.targets().forEach((target) => renameIn(target.object.showIf, before, owner.id));
          this.content.endings.forEach((ending) => renameIn(ending.when, before, owner.id));
          renameInSettings(this.content.settings, { question: { from: before, to: owner.id } });
        } else if (this.content.endings.includes(owner)) {
          renameInSettings(this.content.settings, { ending: { from: before, to: owner.id } });
        }
        this.changed(true);
      },
    }));
  }

  number(owner, name, id, field, label, { min, max, settled = null } = {}) {
    const settings = owner.settings || {};
    return el('label', { class: 'field short' }, label, el('input', {
      type: 'number', id, min, max, step: 1, value: settings[name] ?? '', 'data-field': field,
      oninput: (event) => {
        owner.settings = owner.settings || {};
        if (event.target.value === '') {
          delete owner.settings[name];
        } else {
          owner.settings[name] = Number(event.target.value);
        }
        this.changed(false);
      },
      // A value that reshapes the editor (a scale's range: its end labels, what the logic may compare with) is
      // acted on once the field is left, not at every keystroke.
      onchange: settled ? () => {
        settled();
        this.changed(true);
      } : null,
    }));
  }

  check(owner, name, id, label, field) {
    const settings = owner.settings || {};
    return el('label', { class: 'check' }, el('input', {
      type: 'checkbox', id, checked: settings[name] === true, 'data-field': field,
      onchange: (event) => {
        owner.settings = owner.settings || {};
        if (event.target.checked) {
          owner.settings[name] = true;
        } else {
          delete owner.settings[name];
        }
        this.changed(false);
      },
    }), ` ${label}`);
  }

  /** Buttons that move an item of {@code list} up or down or remove it: keyboard operable, named for the item. */
  moveButtons(list, index, prefix, name, afterRemove) {
    const { t } = this;
    const move = (to, focus) => {
      const [item] = list.splice(index, 1);
      list.splice(to, 0, item);
      this.changed(true, focus);
    };
    return el('div', { class: 'actions compact' },
      index > 0 ? el('button', { type: 'button', class: 'quiet', id: `${prefix}-up`, 'aria-label': t.ed.moveUp(name),
        onclick: () => move(index - 1, index - 1 > 0 ? `${prefix}-up` : `${prefix}-down`) }, '↑') : null,
      index < list.length - 1 ? el('button', { type: 'button', class: 'quiet', id: `${prefix}-down`,
        'aria-label': t.ed.moveDown(name),
        onclick: () => move(index + 1, index + 1 < list.length - 1 ? `${prefix}-down` : `${prefix}-up`) }, '↓')
        : null,
      el('button', { type: 'button', class: 'danger', id: `${prefix}-remove`, 'aria-label': t.ed.removeNamed(name),
        onclick: () => {
          list.splice(index, 1);
          this.changed(true, afterRemove);
        } }, t.ed.remove));
  }

  // -------------------------------------------------------------------------------------------------------------
  // the screen

  draw() {
    const { t } = this;
    const view = this.view;
    const closed = view?.status === 'CLOSED';
    const heading = el('div', { class: 'heading' },
      el('h1', { id: 'page-title', tabindex: '-1' }, view ? t.ed.editTitle(view.name) : t.ed.newTitle),
      view ? el('span', { class: 'status-pill', id: 'editor-status' }, t.status[view.status] || view.status) : null);
    const save = el('button', { type: 'button', id: 'save', 'data-admin-action': 'save', disabled: closed,
      onclick: () => this.save() }, t.ed.save);
    const previewButton = el('button', { type: 'button', class: 'quiet', id: 'preview-toggle',
      'aria-expanded': String(Boolean(this.previewOpen)), 'aria-controls': 'preview',
      onclick: () => togglePreview(this) }, t.ed.preview);
    const toolbar = el('div', { class: 'actions editor-toolbar' }, save, previewButton, this.lifecycleButtons(),
      view ? el('a', { href: `#/surveys/${encodeURIComponent(view.id)}/distribution`, id: 'to-distribution' },
        t.dist.title) : null);
    show(this.context,
      el('p', {}, el('a', { href: view ? `#/surveys/${encodeURIComponent(view.id)}` : '#/' },
        view ? t.ed.toDashboard : t.allSurveys)),
      heading,
      toolbar,
      el('p', { class: 'meta', id: 'editor-state' }, this.dirty ? t.ed.unsaved : ''),
      el('p', { class: 'meta', id: 'published-version' }, view?.publishedVersion
        ? t.ed.publishedAs(view.publishedVersion) : t.ed.neverPublished),
      closed ? el('p', { class: 'meta' }, t.ed.closedNote) : null,
      this.errorSummary(),
      el('div', { class: 'editor-columns' },
        el('div', { class: 'editor-main' },
          this.basics(), this.questionsSection(), logicSection(this), settingsSection(this),
          this.translations()),
        el('section', { class: 'panel preview', id: 'preview', 'aria-labelledby': 'preview-title',
          hidden: !this.previewOpen }, el('h2', { id: 'preview-title' }, t.ed.previewTitle))),
      this.versions());
    this.showErrors();
    if (this.previewOpen) {
      drawPreview(this);
    }
  }

  basics() {
    const { t } = this;
    const content = this.content;
    const languages = el('fieldset', { class: 'picks', id: 'languages', 'data-field': 'languages' },
      el('legend', {}, t.ed.languages),
      LANGUAGES.map((language) => el('label', {}, el('input', {
        type: 'checkbox', id: `lang-${language}`, value: language,
        checked: content.languages.includes(language), disabled: language === content.defaultLanguage,
        onchange: (event) => {
          content.languages = LANGUAGES.filter((tag) => (tag === language ? event.target.checked
            : content.languages.includes(tag)));
          this.changed(true, `lang-${language}`);
        },
      }), ` ${t.ed.languageNames[language]}`)));
    return el('section', { class: 'panel', 'aria-labelledby': 'basics-title' },
      el('h2', { id: 'basics-title' }, t.ed.basicsTitle),
      el('label', { class: 'field' }, t.ed.name, el('input', {
        type: 'text', id: 'survey-name', value: this.name, 'data-field': 'name', autocomplete: 'off',
        oninput: (event) => {
          this.name = event.target.value;
          this.changed(false);
        },
      })),
      this.wording(content, 'title', 'title', t.ed.surveyTitle, 'survey-title'),
      el('label', { class: 'field short' }, t.ed.defaultLanguage, el('select', {
        id: 'default-language', 'data-field': 'defaultLanguage',
        onchange: (event) => {
          content.defaultLanguage = event.target.value;
          if (!content.languages.includes(event.target.value)) {
            content.languages = LANGUAGES.filter((tag) => tag === event.target.value
              || content.languages.includes(tag));
          }
          this.changed(true, 'default-language');
        },
      }, LANGUAGES.map((language) => el('option', { value: language, selected: language === content.defaultLanguage },
        t.ed.languageNames[language])))),
      languages);
  }

  questionsSection() {
    const { t } = this;
    const pages = this.content.pages;
    return el('section', { class: 'panel', 'aria-labelledby': 'questions-title', id: 'questions' },
      el('h2', { id: 'questions-title' }, t.ed.questionsTitle),
      pages.map((page, pageIndex) => this.pageEditor(page, pageIndex)),
      el('button', { type: 'button', class: 'quiet', id: 'add-page', onclick: () => {
        const ids = new Set(pages.map((page) => page.id));
        let number = pages.length + 1;
        while (ids.has(`page${number}`)) {
          number++;
        }
        pages.push({ id: `page${number}`, title: null, showIf: null, questions: [] });
        this.changed(true, `page-${this.keyOf(pages[pages.length - 1])}-add-type`);
      } }, t.ed.addPage));
  }

  pageEditor(page, pageIndex) {
    const { t } = this;
    const key = this.keyOf(page);
    const field = `pages[${pageIndex}]`;
    const name = t.ed.pageLabel(pageIndex + 1, page.id);
    const heading = el('h3', { id: `page-${key}-title` }, name);
    const typeSelect = el('select', { id: `page-${key}-add-type` }, TYPES.map((type) => el('option', { value: type },
      t.ed.types[type])));
    return el('div', { class: 'page-editor', role: 'group', 'aria-labelledby': heading.id, 'data-page': key },
      el('div', { class: 'panel-head' }, heading, this.content.pages.length > 1
        ? this.moveButtons(this.content.pages, pageIndex, `page-${key}`, name, 'add-page') : null),
      el('div', { class: 'row' },
        this.idInput(page, `page-${key}-id`, `${field}.id`),
        this.wording(page, 'title', `${field}.title`, t.ed.pageTitle, `page-${key}-heading`)),
      el('ol', { class: 'question-list', 'data-field': `${field}.questions` },
        page.questions.map((question, index) => this.questionEditor(page, question, index, pageIndex))),
      el('div', { class: 'add-question' },
        el('label', { class: 'field short' }, t.ed.newQuestionType, typeSelect),
        el('button', { type: 'button', class: 'quiet', id: `page-${key}-add`, 'data-add-question': key,
          onclick: () => this.addQuestion(page, typeSelect.value) }, t.ed.addQuestion)));
  }

  addQuestion(page, type) {
    const ids = new Set(this.questions().map((question) => question.id));
    const stem = ID_STEMS[type];
    let id = stem;
    for (let number = 2; ids.has(id); number++) {
      id = `${stem}${number}`;
    }
    const question = { id, type, required: false, text: {}, showIf: null,
      settings: startingSettings(type, this.language) };
    page.questions.push(question);
    this.changed(true, `q-${this.keyOf(question)}-text`);
    this.context.announce(this.t.ed.added(this.t.ed.types[type]));
  }

  questionEditor(page, question, index, pageIndex) {
    const { t } = this;
    const key = this.keyOf(question);
    const field = `pages[${pageIndex}].questions[${index}]`;
    const number = this.questions().indexOf(question) + 1;
    const name = t.ed.questionLabel(number, question.id);
    const heading = el('h4', { id: `q-${key}-title` }, name, ' · ', t.ed.types[question.type]);
    const typeSelect = el('select', { id: `q-${key}-type`, 'data-field': `${field}.type`,
      onchange: (event) => {
        question.type = event.target.value;
        question.settings = startingSettings(question.type, this.language);
        if (question.type === 'HIDDEN') {
          question.required = false;
        }
        this.changed(true, `q-${key}-type`);
      } }, TYPES.map((type) => el('option', { value: type, selected: type === question.type }, t.ed.types[type])));
    return el('li', { class: 'card question-card', 'data-question': key, 'data-question-id': question.id,
      'aria-labelledby': heading.id },
      el('div', { class: 'panel-head' }, heading, this.moveButtons(page.questions, index, `q-${key}`, name,
        `page-${this.keyOf(page)}-add`)),
      el('div', { class: 'row' },
        el('label', { class: 'field short' }, t.ed.type, typeSelect),
        this.idInput(question, `q-${key}-id`, `${field}.id`),
        question.type === 'HIDDEN' ? null : el('label', { class: 'check' }, el('input', {
          type: 'checkbox', id: `q-${key}-required`, checked: question.required, 'data-field': `${field}.required`,
          onchange: (event) => {
            question.required = event.target.checked;
            this.changed(false);
          },
        }), ` ${t.ed.required}`)),
      question.type === 'HIDDEN' ? el('p', { class: 'meta' }, t.ed.hiddenHelp)
        : this.wording(question, 'text', `${field}.text`, t.ed.questionText, `q-${key}-text`, true),
      this.settingsEditor(question, `q-${key}`, `${field}.settings`),
      question.showIf ? el('p', { class: 'meta rule-note' }, t.ed.hasRule) : null);
  }

  /** What each kind takes: ranges, labels of a scale's ends, options or rows, picks, lengths, dates. */
  settingsEditor(question, prefix, field) {
    const { t } = this;
    const parts = [];
    const type = question.type;
    // The range as drawn, whose ends the end labels word
    const range = scaleOf(question);
    if (type === 'RATING' || type === 'MATRIX') {
      const rangeSettled = () => moveEndLabels(question.settings, range, scaleOf(question));
      parts.push(this.number(question, 'min', `${prefix}-min`, `${field}.min`, t.ed.min,
        { min: 0, max: 100, settled: rangeSettled }),
      this.number(question, 'max', `${prefix}-max`, `${field}.max`, t.ed.max,
        { min: 0, max: 100, settled: rangeSettled }));
    }
    if (range) {
      const [min, max] = range;
      parts.push(this.endLabel(question, min, `${prefix}-label-low`, `${field}.labels`, t.ed.lowLabel(min)),
        this.endLabel(question, max, `${prefix}-label-high`, `${field}.labels`, t.ed.highLabel(max)));
    }
    if (['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RANKING'].includes(type)) {
      parts.push(this.optionList(question, 'options', prefix, field, t.ed.options));
      if (type !== 'RANKING') {
        parts.push(this.check(question, 'allowOther', `${prefix}-allow-other`, t.ed.allowOther,
          `${field}.allowOther`));
      }
      parts.push(this.check(question, 'randomiseOptions', `${prefix}-randomise`, t.ed.randomise,
        `${field}.randomiseOptions`));
    }
    if (type === 'MULTIPLE_CHOICE') {
      parts.push(this.number(question, 'minPicks', `${prefix}-min-picks`, `${field}.minPicks`, t.ed.minPicks,
        { min: 1 }), this.number(question, 'maxPicks', `${prefix}-max-picks`, `${field}.maxPicks`, t.ed.maxPicks,
        { min: 1 }));
    }
    if (type === 'MATRIX') {
      parts.push(this.optionList(question, 'rows', prefix, field, t.ed.rows));
    }
    if (type === 'TEXT' || type === 'HIDDEN') {
      parts.push(this.number(question, 'maxLength', `${prefix}-max-length`, `${field}.maxLength`,
        t.ed.maxLength(type === 'TEXT' ? 5000 : 500), { min: 1, max: type === 'TEXT' ? 5000 : 500 }));
    }
    if (type === 'DATE') {
      ['earliest', 'latest'].forEach((name) => parts.push(el('label', { class: 'field short' }, t.ed[name],
        el('input', { type: 'date', id: `${prefix}-${name}`, value: question.settings?.[name] ?? '',
          'data-field': `${field}.${name}`, onchange: (event) => {
            question.settings = question.settings || {};
            if (event.target.value) {
              question.settings[name] = event.target.value;
            } else {
              delete question.settings[name];
            }
            this.changed(false);
          } }))));
    }
    return parts.length === 0 ? null : el('div', { class: 'settings', role: 'group', 'aria-label': t.ed.settings },
      parts);
  }

  /** The wording of one end of a scale (labels keyed by the score), in the default language. */
  endLabel(question, score, id, field, label) {
    question.settings = question.settings || {};
    const labels = question.settings.labels || {};
    const holder = { text: labels[String(score)] || null };
    const wrapper = this.wording(holder, 'text', `${field}.${score}`, label, id);
    wrapper.querySelector('input').addEventListener('input', () => {
      question.settings.labels = question.settings.labels || {};
      if (holder.text && Object.keys(holder.text).length) {
        question.settings.labels[String(score)] = holder.text;
      } else {
        delete question.settings.labels[String(score)];
      }
      if (Object.keys(question.settings.labels).length === 0) {
        delete question.settings.labels;
      }
    });
    return wrapper;
  }

  /** Options (or a matrix's rows): an id and a label each, added, removed and moved with buttons. */
  optionList(question, name, prefix, field, legend) {
    const { t } = this;
    question.settings = question.settings || {};
    const list = question.settings[name] = question.settings[name] || [];
    return el('fieldset', { class: 'options-editor', 'data-field': `${field}.${name}` },
      el('legend', {}, legend),
      el('ol', {}, list.map((option, index) => {
        const key = this.keyOf(option);
        const optionField = `${field}.${name}[${index}]`;
        return el('li', { class: 'row' },
          this.idInput(option, `${prefix}-${key}-id`, `${optionField}.id`),
          this.wording(option, 'label', `${optionField}.label`, t.ed.optionLabel, `${prefix}-${key}-label`),
          this.moveButtons(list, index, `${prefix}-${key}`, t.ed.optionNamed(option.id), `${prefix}-add-${name}`));
      })),
      el('button', { type: 'button', class: 'quiet', id: `${prefix}-add-${name}`, onclick: () => {
        const ids = new Set(list.map((option) => option.id));
        let number = list.length + 1;
        const stem = name === 'rows' ? 'row' : 'option';
        while (ids.has(`${stem}${number}`)) {
          number++;
        }
        list.push({ id: `${stem}${number}`, label: { [this.language]: '' } });
        this.changed(true, `${prefix}-${this.keyOf(list[list.length - 1])}-label`);
      } }, name === 'rows' ? t.ed.addRow : t.ed.addOption));
  }

  // -------------------------------------------------------------------------------------------------------------
  // translations

  /** Every respondent-facing text in order, with its path: what the translations table lists. */
  texts() {
    const { t } = this;
    const found = [{ field: 'title', owner: this.content, property: 'title', label: t.ed.surveyTitle }];
    this.content.pages.forEach((page, pageIndex) => {
      const pageField = `pages[${pageIndex}]`;
      if (page.title && Object.keys(page.title).length) {
        found.push({ field: `${pageField}.title`, owner: page, property: 'title',
          label: t.ed.pageLabel(pageIndex + 1, page.id) });
      }
      page.questions.forEach((question, index) => {
        const field = `${pageField}.questions[${index}]`;
        if (question.type !== 'HIDDEN') {
          found.push({ field: `${field}.text`, owner: question, property: 'text', label: question.id });
        }
        const settings = question.settings || {};
        Object.keys(settings.labels || {}).forEach((score) => found.push({ field: `${field}.settings.labels.${score}`,
          owner: settings.labels, property: score, label: `${question.id} · ${score}` }));
        ['options', 'rows'].forEach((name) => (settings[name] || []).forEach((option, optionIndex) => found.push({
          field: `${field}.settings.${name}[${optionIndex}].label`, owner: option, property: 'label',
          label: `${question.id} · ${option.id}` })));
      });
    });
    this.content.endings.forEach((ending, index) => found.push({ field: `endings[${index}].text`, owner: ending,
      property: 'text', label: t.ed.endingTitle(index + 1) }));
    return found;
  }

  translations() {
    const { t } = this;
    const languages = this.content.languages;
    const others = languages.filter((language) => language !== this.language);
    const texts = this.texts();
    const missingCount = texts.reduce((count, text) => count + others.filter((language) =>
      !(text.owner[text.property] || {})[language]).length, 0);
    const cell = (text, language) => {
      const id = `tr-${fieldId(text.field)}-${language}`;
      const value = (text.owner[text.property] || {})[language] || '';
      const flag = el('span', { class: 'missing-flag', id: `${id}-missing`, hidden: value !== '' }, t.ed.missing);
      const input = el('input', {
        type: 'text', id, lang: language, value, 'data-field': `${text.field}.${language}`,
        'aria-label': `${text.label} (${t.ed.languageNames[language]})`, 'aria-describedby': flag.id,
        class: value === '' ? 'missing' : null,
        oninput: (event) => {
          text.owner[text.property] = text.owner[text.property] || {};
          if (event.target.value === '') {
            delete text.owner[text.property][language];
          } else {
            text.owner[text.property][language] = event.target.value;
          }
          flag.hidden = event.target.value !== '';
          event.target.classList.toggle('missing', event.target.value === '');
          this.changed(false);
        },
      });
      return el('td', {}, input, flag);
    };
    return el('section', { class: 'panel', 'aria-labelledby': 'translations-title', id: 'translations' },
      el('h2', { id: 'translations-title' }, t.ed.translationsTitle),
      others.length === 0 ? el('p', { class: 'empty' }, t.ed.oneLanguage) : [
        el('p', { class: 'meta', id: 'translations-missing' }, t.ed.missingCount(missingCount)),
        el('div', { class: 'table-scroll' }, el('table', { id: 'translation-table', class: 'translations' },
          el('caption', {}, t.ed.translationsCaption),
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t.ed.textColumn),
            el('th', { scope: 'col' }, t.ed.languageNames[this.language]),
            others.map((language) => el('th', { scope: 'col' }, t.ed.languageNames[language])))),
          el('tbody', {}, texts.map((text) => el('tr', { 'data-text': text.field },
            el('th', { scope: 'row' }, text.label),
            el('td', { lang: this.language, 'data-mirror': text.field },
              (text.owner[text.property] || {})[this.language] || ''),
            others.map((language) => cell(text, language)))))))]);
  }

  // -------------------------------------------------------------------------------------------------------------
  // saving, refusals, the lifecycle, versions

  body() {
    return withoutNulls({ name: this.name, ...this.content, settings: settingsForRequest(this.content.settings) });
  }

  async save() {
    const { api, t } = this.context;
    const button = document.getElementById('save');
    button.disabled = true;
    this.say(t.ed.saving);
    try {
      let view;
      if (this.view) {
        view = await api.put(`/surveys/${encodeURIComponent(this.view.id)}/draft`, this.body(),
          { 'If-Match': `"${this.view.revision}"` });
      } else {
        view = await api.post('/surveys', this.body());
        // The new survey's own address, without a second visit to this screen in the history
        history.replaceState(null, '', `#/surveys/${encodeURIComponent(view.id)}/edit`);
      }
      this.errors = [];
      this.dirty = false;
      this.view = view;
      this.draw();
      this.say(t.ed.saved);
      this.context.announce(t.ed.saved);
      return true;
    } catch (error) {
      this.errors = error.problem?.errors || [];
      const message = error.status === 409 ? t.ed.conflict : this.errors.length ? t.ed.refused(this.errors.length)
        : error.message;
      this.draw();
      this.say(message);
      this.context.announce(message);
      document.getElementById('editor-errors')?.focus();
      return false;
    }
  }

  errorSummary() {
    const { t } = this;
    if (this.errors.length === 0) {
      return el('div', { id: 'editor-errors', hidden: true, tabindex: '-1' });
    }
    return el('div', { class: 'panel error-summary', id: 'editor-errors', tabindex: '-1', role: 'alert' },
      el('h2', {}, t.ed.refused(this.errors.length)),
      el('ul', {}, this.errors.map((error) => el('li', {}, el('a', {
        href: `#${fieldId(error.field)}`,
        onclick: (event) => {
          event.preventDefault();
          this.inputFor(error.field)?.focus();
        },
      }, `${error.field}: ${error.message}`)))));
  }

  /** The input a refused field names, or the nearest one holding it (pages[0].questions[2] for its .showIf.x). */
  inputFor(field) {
    let path = field;
    while (path) {
      const found = document.querySelector(`[data-field="${CSS.escape(path)}"]`)
        || document.querySelector(`[data-field-also="${CSS.escape(path)}"]`);
      if (found) {
        return found;
      }
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.slice(0, cut) : '';
    }
    return null;
  }

  /** Each refusal next to its field, read with it (aria-describedby), the field marked invalid. */
  showErrors() {
    this.errors.forEach((error, index) => {
      const input = this.inputFor(error.field);
      if (!input) {
        return;
      }
      const message = el('p', { class: 'field-error error', id: `field-error-${index}`,
        'data-error-for': error.field }, error.message);
      const holder = input.closest('label, fieldset, td') || input;
      holder.after(message);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), message.id]
        .filter(Boolean).join(' '));
    });
  }

  lifecycleButtons() {
    const view = this.view;
    if (!view) {
      return null;
    }
    const offered = [];
    if (view.status !== 'CLOSED' && (view.draft || this.dirty)) {
      offered.push('publish');
    }
    if (view.status === 'ACTIVE') {
      offered.push('pause', 'close');
    } else if (view.status === 'PAUSED') {
      offered.push('resume', 'close');
    }
    return offered.map((action) => el('button', {
      type: 'button', id: `action-${action}`, 'data-admin-action': action,
      class: action === 'close' ? 'danger' : 'quiet', onclick: () => this.lifecycle(action),
    }, this.t[action]));
  }

  async lifecycle(action) {
    const { api, t } = this.context;
    if (!window.confirm(t.confirm[action])) {
      return;
    }
    if (action === 'publish' && this.dirty && !(await this.save())) {
      return;
    }
    try {
      const view = await api.post(`/surveys/${encodeURIComponent(this.view.id)}/${action}`);
      this.view = view;
      this.load(view);
      this.errors = [];
      this.dirty = false;
      this.draw();
      const message = action === 'publish' ? t.ed.publishedAs(view.publishedVersion) : t.done[action];
      this.say(message);
      this.context.announce(message);
      document.getElementById('page-title').focus();
    } catch (error) {
      this.say(error.message);
      this.context.announce(error.message);
    }
  }

  /** The published versions, newest first; each is immutable, read from the API once the section is drawn. */
  versions() {
    const { t } = this;
    const view = this.view;
    const section = el('section', { class: 'panel', 'aria-labelledby': 'versions-title', id: 'versions' },
      el('h2', { id: 'versions-title' }, t.ed.versionsTitle));
    if (!view?.publishedVersion) {
      section.append(el('p', { class: 'empty' }, t.ed.neverPublished));
      return section;
    }
    const rows = el('tbody');
    section.append(el('div', { class: 'table-scroll' }, el('table', { id: 'version-table' },
      el('caption', {}, t.ed.versionsCaption),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', class: 'number' }, t.ed.version),
        el('th', { scope: 'col' }, t.ed.publishedAt),
        el('th', { scope: 'col', class: 'number' }, t.ed.questionCount),
        el('th', { scope: 'col' }, t.ed.languages))),
      rows)));
    const numbers = [];
    for (let n = view.publishedVersion; n >= 1 && numbers.length < MAX_VERSIONS_SHOWN; n--) {
      numbers.push(n);
    }
    const { api, language } = this.context;
    Promise.all(numbers.map((n) => api.get(`/surveys/${encodeURIComponent(view.id)}/versions/${n}`)))
      .then((versions) => rows.replaceChildren(...versions.map((version) => el('tr', { 'data-version':
          version.version },
        el('th', { scope: 'row', class: 'number' }, version.version),
        el('td', {}, new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
          .format(new Date(version.publishedAt))),
        el('td', { class: 'number' }, (version.content.pages || []).reduce((count, page) =>
          count + page.questions.length, 0)),
        el('td', {}, (version.content.languages || [version.content.defaultLanguage]).join(', '))))))
      .catch((error) => rows.replaceChildren(el('tr', {}, el('td', { colspan: 4, class: 'error' }, error.message))));
    return section;
  }
}

