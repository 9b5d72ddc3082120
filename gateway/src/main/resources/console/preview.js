// The editor's preview as a respondent: the draft as it stands (saved or not), page by page, in any language it
// offers, drawn by the respondent page's own modules (questions.js for the controls, logic.js for what is shown,
// piping and the checks, its texts and respond.css) inside a shadow root, so it looks and behaves as the respondent
// page will without the console's styles reaching it. survey-service serves only published versions to respondents
// (a draft is 404 there), so this is the preview; nothing is sent.

import { el } from './views.js';
import { pageLanguage } from '/respond/assets/languages.js';
import { holds, missing, piped, problemWith, walk, wording } from '/respond/assets/logic.js';
import { control } from '/respond/assets/questions.js';
import { textsIn } from '/respond/assets/texts.js';

export function togglePreview(editor) {
  editor.previewOpen = !editor.previewOpen;
  document.getElementById('preview-toggle')?.setAttribute('aria-expanded', String(editor.previewOpen));
  const pane = document.getElementById('preview');
  pane.hidden = !editor.previewOpen;
  if (editor.previewOpen) {
    drawPreview(editor);
    document.getElementById('preview-title').setAttribute('tabindex', '-1');
    document.getElementById('preview-title').focus();
  } else {
    // A closed preview holds nothing: no shadow root left behind for tools that walk the page
    pane.replaceChildren(pane.querySelector('h2'));
  }
}

/** The survey as the respondent page reads it, from the editor's content. */
function surveyOf(editor) {
  const content = editor.content;
  return {
    title: content.title, languages: content.languages, defaultLanguage: content.defaultLanguage,
    pages: content.pages.filter((page) => page.questions.length > 0), endings: content.endings,
  };
}

/** Redraws the preview from the editor's content; the answers given in it and the page it is on stay. */
export function drawPreview(editor) {
  const { t } = editor;
  const pane = document.getElementById('preview');
  if (!pane) {
    return;
  }
  const survey = surveyOf(editor);
  const state = editor.previewState = editor.previewState || { values: new Map(), pageId: null, done: false };
  if (!survey.languages.includes(state.language)) {
    state.language = survey.defaultLanguage;
  }
  const host = el('div', { class: 'preview-host', id: 'preview-host' });
  const root = host.attachShadow({ mode: 'open' });
  pane.replaceChildren(pane.querySelector('h2'), host);
  const language = state.language;
  const pageT = textsIn(pageLanguage(language));
  const panel = el('section', { class: 'panel', lang: language });
  root.append(el('link', { rel: 'stylesheet', href: '/respond/assets/respond.css' }), panel);

  const languageSelect = el('select', { id: 'preview-language', onchange: (event) => {
    state.language = event.target.value;
    drawPreview(editor);
    root.getElementById('preview-language')?.focus();
  } }, survey.languages.map((tag) => el('option', { value: tag, selected: tag === language },
    t.ed.languageNames[tag] || tag)));
  const header = el('div', { class: 'survey-header' },
    el('h3', { id: 'preview-survey-title' }, wording(survey.title, language, survey.defaultLanguage)),
    el('div', { class: 'language' }, el('label', { for: 'preview-language' }, pageT('language')), languageSelect));
  if (survey.pages.length === 0) {
    panel.append(header, el('p', {}, t.ed.previewEmpty));
    return;
  }
  const { pages, answered } = walk(survey, state.values);
  if (state.done) {
    const ending = (survey.endings || []).find((candidate) => holds(candidate.when, answered));
    panel.append(header, el('p', { id: 'preview-closing', class: 'closing-text' }, ending
      ? piped(wording(ending.text, language, survey.defaultLanguage), survey, state.values, language, pageT)
      : pageT('thanksText')),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: 'preview-restart',
      onclick: () => {
        editor.previewState = { values: new Map(), pageId: null, done: false, language };
        drawPreview(editor);
        root.getElementById('preview-survey-title').focus();
      } }, t.ed.previewRestart)));
    root.getElementById('preview-survey-title').setAttribute('tabindex', '-1');
    return;
  }
  let index = pages.findIndex(({ page }) => page.id === state.pageId);
  if (index < 0) {
    index = 0;
    state.pageId = pages[0].page.id;
  }
  const { page, questions } = pages[index];
  const shown = new Set(questions.map((question) => question.id));
  const controls = [];
  const body = el('div', {});
  page.questions.filter((question) => question.type !== 'HIDDEN').forEach((question) => {
    const built = control(question, { language, defaultLanguage: survey.defaultLanguage, t: pageT,
      value: state.values.get(question.id), onChange: (value) => {
        if (value === undefined) {
          state.values.delete(question.id);
        } else {
          state.values.set(question.id, value);
        }
        // What the logic shows now, and the piped texts, as on the respondent page
        const now = walk(survey, state.values);
        const visible = new Set(now.pages.flatMap((shownPage) => shownPage.questions.map((q) => q.id)));
        controls.forEach((entry) => {
          entry.element.hidden = !visible.has(entry.question.id);
          entry.text.textContent = piped(wording(entry.question.text, language, survey.defaultLanguage), survey,
            state.values, language, pageT);
        });
      } });
    if (built) {
      built.element.hidden = !shown.has(question.id);
      built.text.textContent = piped(wording(question.text, language, survey.defaultLanguage), survey,
        state.values, language, pageT);
      controls.push({ question, ...built });
      body.append(built.element);
    }
  });
  const last = index === pages.length - 1;
  const go = (to) => {
    state.pageId = to;
    drawPreview(editor);
    root.getElementById('preview-survey-title').setAttribute('tabindex', '-1');
    root.getElementById('preview-survey-title').focus();
  };
  const forward = el('button', { type: 'button', class: 'primary', id: 'preview-next', onclick: () => {
    const visible = controls.filter((entry) => !entry.element.hidden);
    let first = null;
    visible.forEach((entry) => {
      const value = state.values.get(entry.question.id);
      const problem = value === undefined ? missing(entry.question) : problemWith(entry.question, value);
      entry.showError(problem ? pageT(...problem) : null);
      first = first || (problem ? entry : null);
    });
    if (first) {
      first.focus();
    } else if (last) {
      state.done = true;
      go(state.pageId);
    } else {
      go(walk(survey, state.values).pages[index + 1].page.id);
    }
  } }, pageT(last ? 'submit' : 'next'));
  panel.append(el('div', {}, header,
    el('p', { class: 'progress' }, pageT('pageOf', { page: index + 1, pages: pages.length })),
    page.title ? el('h4', {}, wording(page.title, language, survey.defaultLanguage)) : null,
    body,
    el('div', { class: 'actions' }, forward, index > 0 ? el('button', { type: 'button', class: 'secondary',
      id: 'preview-back', onclick: () => go(pages[index - 1].page.id) }, pageT('back')) : null),
    el('p', { class: 'hint' }, t.ed.previewNote)));
}
