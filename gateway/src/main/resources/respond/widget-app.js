// The widget's panel, loaded by widget.js once its trigger fired and the fatigue rules allowed it. It lives in a
// shadow root, so the host page's styles do not reach it and its styles do not reach the page; it shows the survey
// page by page with the respondent page's own controls, logic and texts (questions.js, logic.js, texts.js), and
// sends the response with an Idempotency-Key, so pressing submit twice or retrying keeps one response.

import { callJson } from './http.js';
import { choose, pageLanguage } from './languages.js';
import { answersToSend, missing, piped, problemWith, walk, wording } from './logic.js';
import { control, element } from './questions.js';
import { textsIn } from './texts.js';

const TIMEOUT_MS = 15000;

function call(url, options) {
  return callJson(url, { timeout: TIMEOUT_MS, ...options });
}

function remember(config, what) {
  try {
    const memory = JSON.parse(localStorage.getItem(config.memoryName) || '{}');
    memory[what] = Date.now();
    localStorage.setItem(config.memoryName, JSON.stringify(memory));
  } catch (refused) {
    // Without storage the rules hold for this visit only (the visit mark below).
  }
}

function markVisit(config) {
  try {
    sessionStorage.setItem(config.visitName, JSON.stringify({ surveyId: config.surveyId, at: Date.now() }));
  } catch (refused) {
    // as above
  }
}

function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `widget-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Loads the survey and shows the panel; rejects (and shows nothing) when the survey cannot be answered here. */
export async function open(config) {
  const survey = await call(`${config.api}/surveys/${encodeURIComponent(config.surveyId)}`);
  const wishes = [config.language, document.documentElement.lang, ...(navigator.languages || [])].filter(Boolean);
  const language = choose(wishes, survey.languages, survey.defaultLanguage);
  new Panel(config, survey, language).show();
}

class Panel {
  constructor(config, survey, language) {
    this.config = config;
    this.survey = survey;
    this.language = language;
    this.t = textsIn(pageLanguage(language));
    this.values = new Map();
    this.controls = new Map();
    this.pageId = walk(survey, this.values).pages[0].page.id;
    this.key = newKey();
    this.submitting = false;
  }

  show() {
    this.host = element('div', { 'data-hearken-widget': this.config.surveyId });
    const shadow = this.host.attachShadow({ mode: 'open' });
    this.root = element('section', {
      className: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'hw-title',
      lang: this.language,
    });
    shadow.append(
      element('link', { rel: 'stylesheet', href: `${this.config.base}respond.css` }),
      element('link', { rel: 'stylesheet', href: `${this.config.base}widget.css` }),
      this.root);
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.dismiss();
      }
    });
    document.body.append(this.host);
    markVisit(this.config);
    this.render();
  }

  dismiss() {
    if (!this.answered) {
      remember(this.config, 'dismissedAt');
    }
    this.host.remove();
  }

  header(titleText) {
    const close = element('button', { type: 'button', className: 'close', 'aria-label': this.t('close') }, '×');
    close.addEventListener('click', () => this.dismiss());
    return element('div', { className: 'panel-header' },
      element('h2', { id: 'hw-title', tabindex: -1 }, titleText), close);
  }

  render() {
    const { survey, t } = this;
    const { pages } = walk(survey, this.values);
    const index = Math.max(0, pages.findIndex(({ page }) => page.id === this.pageId));
    const { page } = pages[index];
    const form = element('form', { className: 'survey-form', 'aria-labelledby': 'hw-title' });
    form.noValidate = true;
    this.controls = new Map();
    for (const question of page.questions) {
      if (question.type === 'HIDDEN') {
        continue;
      }
      const built = control(question, {
        language: this.language,
        defaultLanguage: survey.defaultLanguage,
        t,
        value: this.values.get(question.id),
        onChange: (value) => this.changed(question, value),
      });
      if (built) {
        this.controls.set(question.id, { question, ...built });
        form.append(built.element);
      }
    }
    this.forward = element('button', { type: 'submit', className: 'primary', id: 'hw-next' });
    this.status = element('p', { className: 'status', role: 'status' });
    form.append(element('div', { className: 'actions' }, this.forward), this.status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.advance();
    });
    this.root.replaceChildren(this.header(wording(survey.title, this.language, survey.defaultLanguage)), form);
    this.refresh();
  }

  refresh() {
    const { pages } = walk(this.survey, this.values);
    const shown = new Set(pages.flatMap(({ questions }) => questions.map((question) => question.id)));
    for (const { question, element: node, text } of this.controls.values()) {
      node.hidden = !shown.has(question.id);
      text.textContent = piped(wording(question.text, this.language, this.survey.defaultLanguage), this.survey,
        this.values, this.language, this.t);
    }
    const last = pages.findIndex(({ page }) => page.id === this.pageId) === pages.length - 1;
    this.forward.textContent = this.submitting ? this.t('sending') : this.t(last ? 'submit' : 'next');
    this.forward.disabled = this.submitting;
  }

  changed(question, value) {
    if (value === undefined) {
      this.values.delete(question.id);
    } else {
      this.values.set(question.id, value);
    }
    this.controls.get(question.id)?.showError(null);
    this.refresh();
  }

  check(question) {
    const value = this.values.get(question.id);
    return value === undefined ? missing(question) : problemWith(question, value);
  }

  pageIsValid() {
    const { pages } = walk(this.survey, this.values);
    const current = pages.find(({ page }) => page.id === this.pageId);
    let first = null;
    for (const question of current.questions) {
      const shownControl = this.controls.get(question.id);
      const problem = shownControl ? this.check(question) : null;
      shownControl?.showError(problem ? this.t(...problem) : null);
      first = first || (problem ? shownControl : null);
    }
    first?.focus();
    return first === null;
  }

  advance() {
    if (this.submitting || !this.pageIsValid()) {
      return;
    }
    const { pages } = walk(this.survey, this.values);
    const index = pages.findIndex(({ page }) => page.id === this.pageId);
    if (index < pages.length - 1) {
      this.pageId = pages[index + 1].page.id;
      this.render();
      this.root.querySelector('#hw-title').focus();
    } else {
      this.submit();
    }
  }

  async submit() {
    this.submitting = true;
    this.refresh();
    try {
      const receipt = await call(`${this.config.api}/surveys/${encodeURIComponent(this.survey.id)}/responses`, {
        method: 'POST',
        // The same key on every try: a retry after a lost answer is recognised and kept once.
        headers: { 'Idempotency-Key': this.key },
        body: {
          channel: 'widget',
          surveyVersion: this.survey.version,
          language: this.language,
          answers: answersToSend(this.survey, this.values),
          complete: true,
          // Where the widget was answered (no query: it may hold the visitor's data), as the response's context.
          context: { page: (window.location.origin + window.location.pathname).slice(0, 500) },
        },
      });
      this.answered = true;
      remember(this.config, 'answeredAt');
      this.showClosing(receipt?.closing?.text || this.t('thanksText'));
    } catch (failure) {
      this.submitting = false;
      this.refresh();
      this.status.textContent = failure.status === 0 || failure.status >= 500 || failure.status === 429
        ? this.t('networkText') : (failure.problem?.errors?.[0]?.message || failure.message);
    }
  }

  showClosing(text) {
    const done = element('button', { type: 'button', className: 'primary' }, this.t('close'));
    done.addEventListener('click', () => this.dismiss());
    this.root.replaceChildren(this.header(this.t('thanksTitle')),
      element('p', { className: 'closing-text' }, text), element('div', { className: 'actions' }, done));
    this.root.querySelector('#hw-title').focus();
  }
}
