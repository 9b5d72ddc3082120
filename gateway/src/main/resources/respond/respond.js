// The respondent's page: opens a survey from a web link (/respond/<surveyId>) or an invitation link
// (/respond/<surveyId>?invitation=<token>), shows it page by page in the respondent's language with its logic
// applied as they answer, saves progress between pages, and submits once: one Idempotency-Key per response, kept in
// sessionStorage, so a double click, a reload or a retry after a timeout is the same response to survey-service.

import { Failure, callJson } from './http.js';
import { choose, pageLanguage, wishesOf } from './languages.js';
import { answersToSend, missing, piped, problemWith, walk, wording } from './logic.js';
import { control, element } from './questions.js';
import { textsIn } from './texts.js';

const API = '/api/v1/public';
const LOAD_TIMEOUT_MS = 15000;
const SUBMIT_TIMEOUT_MS = 20000;
const AUTONYMS = { en: 'English', ja: '日本語', 'zh-TW': '繁體中文', 'zh-CN': '简体中文', zh: '中文' };

const app = document.getElementById('app');
const link = new URL(window.location.href);
const surveyId = decodeURIComponent(link.pathname.split('/').filter(Boolean)[1] || '');
const invitation = link.searchParams.get('invitation');

const firstLanguage = pageLanguage(choose(wishesOf(link, navigator.languages), ['en', 'ja', 'zh-TW', 'zh-CN'], 'en'));

const state = {
  survey: null,
  language: null,
  pageLanguage: firstLanguage,
  t: textsIn(firstLanguage),
  values: new Map(),
  pageId: null,
  controls: new Map(),
  orders: new Map(),
  saving: Promise.resolve(),
  submitting: false,
};

function call(path, { timeout = LOAD_TIMEOUT_MS, ...options } = {}) {
  return callJson(path, { timeout, ...options });
}

// ---------------------------------------------------------------------------------------------------------------
// the key of this response

function storageName() {
  return `hearken.respond.${surveyId}${invitation ? `.${invitation.slice(-32)}` : ''}`;
}

function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The Idempotency-Key of this response: the one this tab used before (a reload, a retry), else a new one. */
function responseKey(create) {
  try {
    let key = sessionStorage.getItem(storageName());
    if (!key && create) {
      key = newKey();
      sessionStorage.setItem(storageName(), key);
    }
    return key;
  } catch (storageRefused) {
    state.fallbackKey = state.fallbackKey || (create ? newKey() : null);
    return state.fallbackKey;
  }
}

function forgetKey() {
  try {
    sessionStorage.removeItem(storageName());
  } catch (storageRefused) {
    state.fallbackKey = null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// messages: what the respondent reads when there is no survey to answer

function say(message) {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = message;
  }
}

/** The page's texts (and its lang attribute) in the language of the page's own words. */
function speak(language) {
  state.pageLanguage = pageLanguage(language);
  state.t = textsIn(state.pageLanguage);
}

function showMessage(titleKey, textKey, { retry, text } = {}) {
  document.documentElement.lang = state.pageLanguage;
  const heading = element('h1', { tabindex: -1, id: 'message-title' }, state.t(titleKey));
  app.replaceChildren(element('section', { className: 'message', 'aria-labelledby': 'message-title' },
    heading, element('p', {}, text ?? state.t(textKey)),
    retry ? element('button', { type: 'button', className: 'primary', id: 'retry' }, state.t('retry')) : null),
  element('p', { id: 'status', className: 'status', role: 'status' }));
  if (retry) {
    document.getElementById('retry').addEventListener('click', retry);
  }
  app.removeAttribute('aria-busy');
  document.title = state.t(titleKey);
  heading.focus();
}

/** The page for a failure, in the respondent's language; `retry` repeats what failed when that may help. */
function showFailure(failure, retry) {
  const type = (failure.problem?.type || '').split('/').pop();
  const detail = (failure.problem?.detail || '').toLowerCase();
  if (failure.status === 0 || failure.status >= 500 || failure.status === 429) {
    showMessage('networkTitle', failure.status === 0 ? 'networkText' : 'unavailableText', { retry });
  } else if (type === 'invitation-expired' || failure.status === 410) {
    showMessage('expiredTitle', 'expiredText');
  } else if (type === 'invitation-used' || type === 'already-answered') {
    showMessage('usedTitle', 'usedText');
  } else if (type === 'quota-full') {
    showMessage('fullTitle', 'fullText');
  } else if (failure.status === 409) {
    showMessage('closedTitle', detail.includes('paused') ? 'pausedText' : 'closedText');
  } else if (invitation && failure.status === 400) {
    showMessage('invalidTitle', 'invalidText');
  } else {
    showMessage('notFoundTitle', 'notFoundText');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// loading

/** The invitation, retried a few times while survey-service has not caught up with a just-sent one (503). */
async function openInvitation() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(`${API}/invitations/${encodeURIComponent(invitation)}`);
    } catch (failure) {
      if (failure.status !== 503 || attempt === 3) {
        throw failure;
      }
      await new Promise((resolve) => setTimeout(resolve, 1500 * attempt));
    }
  }
}

function valueOf(answer) {
  switch (answer.type) {
    case 'NPS': case 'CSAT': case 'CES': case 'RATING': return answer.score;
    case 'SINGLE_CHOICE': return answer.otherText ? { choices: answer.choices, other: answer.otherText }
      : answer.choices[0];
    case 'MULTIPLE_CHOICE': return answer.otherText ? { choices: answer.choices, other: answer.otherText }
      : answer.choices;
    case 'RANKING': return answer.choices;
    case 'MATRIX': return answer.rows;
    case 'DATE': return answer.date;
    case 'CONSENT': return answer.consent;
    default: return answer.text;
  }
}

/** The answers saved earlier under this response's key (or invitation), or null when there are none. */
async function savedProgress() {
  const key = responseKey(false);
  if (!invitation && !key) {
    return null;
  }
  const path = `${API}/surveys/${encodeURIComponent(surveyId)}/responses/progress`
    + (invitation ? `?invitation=${encodeURIComponent(invitation)}` : '');
  try {
    return await call(path, { headers: key ? { 'Idempotency-Key': key } : {} });
  } catch (failure) {
    if (failure.status === 404) {
      return null;
    }
    if (failure.status === 409 && invitation) {
      // The invitation's response is complete (its status may not say so yet): it takes no other.
      throw new Failure(409, { type: 'invitation-used' });
    }
    if (failure.status === 409) {
      forgetKey(); // that response is complete: this visit is a new one
      return null;
    }
    throw failure;
  }
}

async function load() {
  app.setAttribute('aria-busy', 'true');
  try {
    let invitationLocale = null;
    if (invitation) {
      const opened = await openInvitation();
      if (opened.status === 'COMPLETED') {
        throw new Failure(409, { type: 'invitation-used' });
      }
      invitationLocale = opened.locale;
      state.survey = opened.survey;
    } else {
      state.survey = await call(`${API}/surveys/${encodeURIComponent(surveyId)}`);
    }
    const survey = state.survey;
    state.language = choose(wishesOf(link, navigator.languages, invitationLocale), survey.languages,
      survey.defaultLanguage);
    speak(state.language);
    if (!invitation) {
      // A web link may carry hidden fields (?store=42); an invitation's are its own, set by survey-service.
      for (const question of survey.pages.flatMap((page) => page.questions)) {
        if (question.type === 'HIDDEN' && link.searchParams.has(question.id)) {
          state.values.set(question.id, link.searchParams.get(question.id).slice(0, 500));
        }
      }
    }
    const progress = await savedProgress();
    for (const answer of progress?.answers || []) {
      state.values.set(answer.questionId, valueOf(answer));
    }
    state.pageId = progress ? resumeAt() : walk(survey, state.values).pages[0].page.id;
    render();
    if (progress) {
      say(state.t('restored'));
    }
    performance.mark('hearken:survey-ready');
  } catch (failure) {
    if (!(failure instanceof Failure)) {
      throw failure;
    }
    if (state.survey && !state.language) {
      speak(choose(wishesOf(link, navigator.languages), state.survey.languages, state.survey.defaultLanguage));
    }
    showFailure(failure, load);
  }
}

/** Where a respondent coming back goes on: the first page with a required question still unanswered. */
function resumeAt() {
  const { pages } = walk(state.survey, state.values);
  const open = pages.find(({ questions }) => questions.some((question) => check(question) !== null));
  return (open || pages[pages.length - 1]).page.id;
}

// ---------------------------------------------------------------------------------------------------------------
// the survey

function check(question) {
  const value = state.values.get(question.id);
  return value === undefined ? missing(question) : problemWith(question, value);
}

function render() {
  const survey = state.survey;
  const t = state.t;
  const { pages } = walk(survey, state.values);
  const index = Math.max(0, pages.findIndex(({ page }) => page.id === state.pageId));
  const { page } = pages[index];
  const title = wording(survey.title, state.language, survey.defaultLanguage);
  document.documentElement.lang = state.language;
  document.title = title;

  const form = element('form', { className: 'survey-form', 'aria-labelledby': 'survey-title' });
  // The page checks answers itself, in the respondent's language, instead of the browser's bubbles.
  form.noValidate = true;
  const header = element('div', { className: 'survey-header' },
    element('h1', { id: 'survey-title' }, title), languageChoice());
  const progress = element('div', { className: 'progress' },
    element('p', { id: 'page-of' }, t('pageOf', { page: index + 1, pages: pages.length })),
    element('progress', { max: pages.length, value: index + 1, 'aria-labelledby': 'page-of' }));
  const pageHeading = page.title
    ? element('h2', { tabindex: -1, id: 'page-title' }, wording(page.title, state.language, survey.defaultLanguage))
    : null;
  const summary = element('p', { className: 'error-summary', id: 'error-summary', hidden: true, tabindex: -1 });
  form.append(...[progress, pageHeading, summary].filter(Boolean));

  state.controls = new Map();
  for (const question of shownOrder(page)) {
    if (question.type === 'HIDDEN') {
      continue;
    }
    const built = control(question, {
      language: state.language,
      defaultLanguage: survey.defaultLanguage,
      t,
      value: state.values.get(question.id),
      onChange: (value) => changed(question, value),
    });
    if (built) {
      state.controls.set(question.id, { question, ...built });
      form.append(built.element);
    }
  }
  const back = index > 0 ? element('button', { type: 'button', className: 'secondary', id: 'back' }, t('back'))
    : null;
  const forward = element('button', { type: 'submit', className: 'primary', id: 'next' });
  form.append(element('div', { className: 'actions' }, forward, back));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    advance();
  });
  back?.addEventListener('click', () => goTo(pages[index - 1].page.id));

  app.replaceChildren(header, form, element('p', { id: 'status', className: 'status', role: 'status' }));
  app.removeAttribute('aria-busy');
  refresh();
}

/**
 * The page's questions in the order shown: shuffled once when the page says so (the logic still follows the
 * survey's order, as survey-service judges it), and kept while the respondent goes back and forth.
 */
function shownOrder(page) {
  if (!page.randomiseQuestions) {
    return page.questions;
  }
  if (!state.orders.has(page.id)) {
    const order = page.questions.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    state.orders.set(page.id, order);
  }
  return state.orders.get(page.id);
}

function languageChoice() {
  const offered = state.survey.languages;
  if (offered.length < 2) {
    return null;
  }
  const select = element('select', { id: 'language' },
    offered.map((tag) => element('option', { value: tag, lang: tag, selected: tag === state.language },
      AUTONYMS[tag] || tag)));
  select.addEventListener('change', () => {
    state.language = select.value;
    speak(state.language);
    link.searchParams.set('lang', state.language);
    history.replaceState(null, '', link);
    render();
    document.getElementById('language').focus();
  });
  return element('div', { className: 'language' }, element('label', { for: 'language' }, state.t('language')),
    select);
}

/** After every answer: what the logic now shows and hides on this page, piped texts, the button's word. */
function refresh() {
  const { pages } = walk(state.survey, state.values);
  const shown = new Set(pages.flatMap(({ questions }) => questions.map((question) => question.id)));
  for (const { question, element: node, text } of state.controls.values()) {
    node.hidden = !shown.has(question.id);
    text.textContent = piped(wording(question.text, state.language, state.survey.defaultLanguage), state.survey,
      state.values, state.language, state.t);
  }
  const index = pages.findIndex(({ page }) => page.id === state.pageId);
  const last = index === pages.length - 1;
  const forward = document.getElementById('next');
  forward.textContent = state.submitting ? state.t('sending') : state.t(last ? 'submit' : 'next');
  forward.disabled = state.submitting;
  const pageOf = document.getElementById('page-of');
  pageOf.textContent = state.t('pageOf', { page: index + 1, pages: pages.length });
  const bar = app.querySelector('progress');
  bar.max = pages.length;
  bar.value = index + 1;
}

function changed(question, value) {
  if (value === undefined) {
    state.values.delete(question.id);
  } else {
    state.values.set(question.id, value);
  }
  const shownControl = state.controls.get(question.id);
  if (shownControl && !shownControl.element.classList.contains('invalid')) {
    shownControl.showError(null);
  } else if (shownControl) {
    const problem = check(question);
    shownControl.showError(problem ? state.t(...problem) : null);
  }
  if (!app.querySelector('.question.invalid:not([hidden])')) {
    document.getElementById('error-summary').hidden = true;
  }
  refresh();
}

/** Checks the page's shown questions; shows each problem by its question and focuses the first. */
function pageIsValid() {
  const { pages } = walk(state.survey, state.values);
  const current = pages.find(({ page }) => page.id === state.pageId);
  let first = null;
  let count = 0;
  for (const question of current.questions) {
    const shownControl = state.controls.get(question.id);
    if (!shownControl) {
      continue;
    }
    const problem = check(question);
    shownControl.showError(problem ? state.t(...problem) : null);
    if (problem) {
      count++;
      first = first || shownControl;
    }
  }
  const summary = document.getElementById('error-summary');
  summary.hidden = count === 0;
  summary.textContent = count === 0 ? '' : state.t('fixErrors');
  if (first) {
    first.focus();
  }
  return count === 0;
}

function goTo(pageId) {
  state.pageId = pageId;
  render();
  const target = document.getElementById('page-title') || document.getElementById('survey-title');
  target.setAttribute('tabindex', '-1');
  target.focus();
  window.scrollTo(0, 0);
}

function advance() {
  if (state.submitting || !pageIsValid()) {
    return;
  }
  const { pages } = walk(state.survey, state.values);
  const index = pages.findIndex(({ page }) => page.id === state.pageId);
  if (index < pages.length - 1) {
    saveProgress();
    goTo(pages[index + 1].page.id);
  } else {
    submit();
  }
}

function body(complete) {
  return {
    channel: 'web',
    surveyVersion: state.survey.version,
    language: state.language,
    answers: answersToSend(state.survey, state.values),
    complete,
    ...(invitation ? { invitation } : {}),
  };
}

function post(complete) {
  return call(`${API}/surveys/${encodeURIComponent(state.survey.id)}/responses`, {
    method: 'POST',
    body: body(complete),
    headers: { 'Idempotency-Key': responseKey(true) },
    timeout: SUBMIT_TIMEOUT_MS,
  });
}

/** Saves the answers so far as a partial response, in the background and in order: a later save waits. */
function saveProgress() {
  const saved = state.saving.then(() => post(false));
  state.saving = saved.then(() => say(state.t('saved')), () => {
    // Not saved this time: the answers are still on the page, and the next save or the submission sends them.
  });
}

async function submit() {
  state.submitting = true;
  refresh();
  try {
    await state.saving;
    const receipt = await post(true);
    forgetKey();
    showClosing(receipt);
  } catch (failure) {
    state.submitting = false;
    if (!(failure instanceof Failure)) {
      throw failure;
    }
    const fields = (failure.problem?.errors || []).filter((error) => error.field?.startsWith('answers.'));
    if (failure.status === 400 && fields.length) {
      showServerErrors(fields);
    } else {
      // The same key goes with the retry: if the first attempt was kept after all, it is not kept twice.
      showFailure(failure, () => {
        render();
        advance();
      });
    }
  }
}

/** survey-service refused answers the page let through: back to the first such question, with its reason. */
function showServerErrors(fields) {
  const { pages } = walk(state.survey, state.values);
  const questionId = fields[0].field.slice('answers.'.length);
  const holder = pages.find(({ questions }) => questions.some((question) => question.id === questionId));
  if (holder) {
    state.pageId = holder.page.id;
  }
  render();
  for (const error of fields) {
    state.controls.get(error.field.slice('answers.'.length))
      ?.showError(state.t('errServer', { detail: error.message }));
  }
  const first = state.controls.get(questionId);
  (first || { focus: () => document.getElementById('survey-title').focus() }).focus();
}

function showClosing(receipt) {
  const heading = element('h1', { tabindex: -1, id: 'closing-title' }, state.t('thanksTitle'));
  app.replaceChildren(element('section', { className: 'message closing', 'aria-labelledby': 'closing-title' },
    heading, element('p', { className: 'closing-text' }, receipt?.closing?.text || state.t('thanksText'))),
  element('p', { id: 'status', className: 'status', role: 'status' }));
  document.title = state.t('thanksTitle');
  heading.focus();
}

if (!surveyId) {
  showMessage('notFoundTitle', 'notFoundText');
} else {
  app.querySelector('.loading').textContent = state.t('loading');
  load();
}
