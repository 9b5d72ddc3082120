// The CX console's entry: reads the login settings, completes a login Keycloak has just answered or starts one, then
// draws the shell (navigation by role, language switcher, who is signed in) and the screen the address names. Screens
// are addressed by the fragment (#/, #/surveys/<id>, #/journey, #/topics, #/webhooks, #/dead-letters, #/cases,
// #/cases/<id>, #/customers/<profileId>...), so the gateway serves one page for all of them and Keycloak's redirect URI
// is that one page. Each screen but the survey list and dashboard is a module of its own, loaded when first shown: a
// dashboard does not wait for the inbox, the journey map or the webhooks. Which screens a person may open follows
// their roles (roles.js): the first page is the first screen they reach, and any other says they may not.

import { LoginError, finishLogin, loadSettings, startLogin } from './auth.js';
import { Api } from './api.js';
import { useChartsLibrary } from './charts.js';
import { LiveUpdates } from './live.js';
import { AUTONYMS, LANGUAGES, chosenLanguage, rememberLanguage, textsIn } from './texts.js';
import { firstScreen, followsLive, mayUseWebhooks, readsCases, readsCustomers, readsDeadLetters, readsSurveys }
  from './roles.js';
import { el, notAllowed, surveyDashboard, surveyList } from './views.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const logout = document.getElementById('logout');
const languageSelect = document.getElementById('language');
const status = document.getElementById('status');

const context = {
  main,
  language: chosenLanguage(),
  t: null,
  api: null,
  session: null,
  live: null,
  announce: (message) => {
    status.textContent = '';
    // A new node, so that screen readers announce the same message twice when it is repeated
    setTimeout(() => { status.textContent = message; }, 50);
  },
};

/** Loads the texts of {@code language} (texts.js) and writes the page's own words in it. */
async function applyLanguage(language) {
  context.t = await textsIn(language);
  context.language = language;
  document.documentElement.lang = language;
  document.title = context.t.brand;
  document.getElementById('brand').textContent = context.t.brand;
  document.getElementById('skip').textContent = context.t.skip;
  document.getElementById('language-label').textContent = context.t.language;
  logout.textContent = context.t.logout;
  const loading = document.getElementById('loading');
  if (loading) {
    loading.textContent = context.t.signingIn;
  }
}

function fillLanguages() {
  languageSelect.replaceChildren(...LANGUAGES.map((language) => el('option', {
    value: language, lang: language, selected: language === context.language,
  }, AUTONYMS[language])));
  languageSelect.addEventListener('change', async () => {
    rememberLanguage(languageSelect.value);
    await applyLanguage(languageSelect.value);
    if (context.session) {
      drawShell();
      route();
    }
  });
}

function drawShell() {
  const { t, session } = context;
  const links = [];
  if (readsSurveys(session)) {
    links.push(el('a', { href: '#/', id: 'nav-surveys' }, t.navSurveys),
      el('a', { href: '#/journey', id: 'nav-journey' }, t.navJourney),
      el('a', { href: '#/topics', id: 'nav-topics' }, t.navTopics));
  }
  if (readsCases(session)) {
    links.push(el('a', { href: '#/cases', id: 'nav-cases' }, t.navCases));
  }
  if (mayUseWebhooks(session)) {
    links.push(el('a', { href: '#/webhooks', id: 'nav-webhooks', 'data-admin-action': 'webhooks' }, t.navWebhooks));
  }
  if (readsDeadLetters(session)) {
    links.push(el('a', { href: '#/dead-letters', id: 'nav-dead-letters', 'data-admin-action': 'dead-letters' },
      t.navDeadLetters));
  }
  links.push(el('a', { href: '/api/docs/', id: 'nav-api-docs' }, t.navApiDocs));
  nav.replaceChildren(...links);
  nav.hidden = false;
  who.textContent = t.signedInAs(session.username, session.tenant);
  who.hidden = false;
  logout.hidden = false;
}

function markCurrent(hash) {
  nav.querySelectorAll('a').forEach((link) => {
    const here = link.getAttribute('href') === hash || (hash.startsWith('#/surveys') && link.id === 'nav-surveys')
      || (hash.startsWith('#/webhooks/') && link.id === 'nav-webhooks')
      || (/^#\/(cases|customers)\//.test(hash) && link.id === 'nav-cases');
    if (here) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

const admin = (session) => session.has('admin');
const decoded = (match) => decodeURIComponent(match[1]);

/**
 * Every screen: the address it answers, who may see it (roles.js) and how it is drawn. A screen the person's roles
 * do not reach is not drawn at all, so nothing is asked of the API: a clear "not allowed" takes its place.
 */
const SCREENS = [
  { path: /^#\/surveys\/new$/, allowed: admin,
    draw: async () => (await import('./editor.js')).surveyEditor(context, null) },
  { path: /^#\/surveys\/([^/?]+)\/edit$/, allowed: admin,
    draw: async (match) => (await import('./editor.js')).surveyEditor(context, decoded(match)) },
  { path: /^#\/surveys\/([^/?]+)\/distribution$/, allowed: readsSurveys,
    draw: async (match) => (await import('./distribution.js')).surveyDistribution(context, decoded(match)) },
  { path: /^#\/surveys\/([^/?]+)\/topics$/, allowed: readsSurveys,
    draw: async (match) => (await import('./topics.js')).topicsScreen(context, decoded(match)) },
  { path: /^#\/surveys\/([^/?]+)$/, allowed: readsSurveys, draw: (match) => surveyDashboard(context, decoded(match)) },
  { path: /^#\/topics$/, allowed: readsSurveys, draw: async () => (await import('./topics.js')).topicsScreen(context) },
  { path: /^#\/journey$/, allowed: readsSurveys, draw: async () => (await import('./journey.js')).journeyMap(context) },
  { path: /^#\/webhooks$/, allowed: mayUseWebhooks,
    draw: async () => (await import('./webhooks.js')).webhookList(context) },
  { path: /^#\/webhooks\/(.+)$/, allowed: mayUseWebhooks,
    draw: async (match) => (await import('./webhooks.js')).webhookDetail(context, decoded(match)) },
  { path: /^#\/dead-letters$/, allowed: readsDeadLetters,
    draw: async () => (await import('./webhooks.js')).deadLetters(context) },
  { path: /^#\/cases\/([^/?]+)$/, allowed: readsCases,
    draw: async (match) => (await import('./cases.js')).caseDetail(context, decoded(match)) },
  { path: /^#\/customers\/([^/?]+)$/, allowed: readsCustomers,
    draw: async (match) => (await import('./customers.js')).customerView(context, decoded(match)) },
  { path: /^#\/cases$/, allowed: readsCases, draw: async () => (await import('./cases.js')).caseInbox(context) },
  { path: /^#\/$/, allowed: readsSurveys, draw: async () => {
    await surveyList(context);
    main.dataset.ready = 'true';
  } },
];

async function route() {
  let hash = window.location.hash || '#/';
  // The console's first page is the first screen the person's roles reach: an agent's is the inbox, a partner's the
  // webhooks. An address the console does not know is that page too.
  if (hash === '#/' || !SCREENS.some((screen) => screen.path.test(hash))) {
    hash = firstScreen(context.session) || '#/';
  }
  markCurrent(hash);
  delete main.dataset.ready;
  const screen = SCREENS.find((candidate) => candidate.path.test(hash));
  if (screen.allowed(context.session)) {
    await screen.draw(hash.match(screen.path));
  } else {
    notAllowed(context, firstScreen(context.session));
  }
  // The new screen's heading takes the focus, so a screen reader starts there and a keyboard user from there.
  document.getElementById('page-title')?.focus();
}

function loginFailed(error) {
  const { t } = context;
  main.setAttribute('aria-busy', 'false');
  main.replaceChildren(el('section', { class: 'message' },
    el('h1', { id: 'error-title' }, t.loginFailed),
    el('p', { class: 'error', id: 'error-detail' }, error instanceof LoginError ? error.reason : error.message),
    el('button', { type: 'button', id: 'login-again', onclick: () => window.location.assign('/console/') },
      t.loginAgain)));
}

async function start() {
  await applyLanguage(context.language);
  fillLanguages();
  let settings;
  try {
    settings = await loadSettings();
    useChartsLibrary(settings.chartsLibrary);
    context.session = await finishLogin(settings);
  } catch (error) {
    loginFailed(error);
    return;
  }
  // Once: several calls may find the session ended at the same time, and one round trip to Keycloak answers them all.
  // The address's route goes with it, so the person comes back where they were.
  let leaving = null;
  const login = () => {
    leaving = leaving || startLogin(settings, { language: context.language, returnTo: window.location.hash });
    return leaving;
  };
  if (!context.session) {
    await login();
    return;
  }
  context.api = new Api(context.session, login);
  context.home = firstScreen(context.session);
  // One live stream per signed-in console whose roles may follow it: the dashboard refreshes itself from it as
  // responses arrive.
  if (followsLive(context.session)) {
    context.live = new LiveUpdates(context.session, login);
    context.live.start();
  }
  logout.addEventListener('click', () => context.session.logout());
  drawShell();
  window.addEventListener('hashchange', route);
  await route();
}

start();
