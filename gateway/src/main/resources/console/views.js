// The console's screens: the survey list so far. Each screen is built with textContent only: a survey's name is
// shown, never interpreted as markup.

/** A DOM element with attributes and children (strings become text nodes, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === false || value === null || value === undefined) {
      return;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

function show(context, ...children) {
  context.main.replaceChildren(...children);
  context.main.setAttribute('aria-busy', 'false');
}

function loading(context) {
  context.main.setAttribute('aria-busy', 'true');
  context.main.replaceChildren(el('p', { class: 'loading' }, context.t.loading));
}

/** A failed load, explained by its status, with a way to try again. */
export function failure(context, error, retry) {
  const { t } = context;
  const reason = error.status === 403 ? t.forbidden : error.status === 404 ? t.notFound
    : error.status === 0 ? t.unreachable : error.message;
  show(context, el('section', { class: 'message' },
    el('h1', { id: 'error-title' }, t.loadFailed),
    el('p', { class: 'error', id: 'error-detail' }, reason),
    retry ? el('button', { type: 'button', id: 'retry', onclick: retry }, t.tryAgain) : null));
}

// -----------------------------------------------------------------------------------------------------------------
// the survey list

export async function surveyList(context) {
  const { api, t } = context;
  loading(context);
  const rows = el('tbody');
  const more = el('button', { type: 'button', class: 'quiet', id: 'more', hidden: true }, t.more);
  let after = null;
  const load = async () => {
    const page = await api.get('/surveys', { limit: 50, after });
    (page.items || []).forEach((survey) => rows.append(el('tr', { 'data-survey': survey.id },
      el('th', { scope: 'row' }, el('a', { href: `#/surveys/${encodeURIComponent(survey.id)}` }, survey.name)),
      el('td', {}, el('span', { class: 'status-pill' }, t.status[survey.status] || survey.status)),
      el('td', { class: 'number' }, survey.publishedVersion ?? '–'),
      el('td', {}, survey.updatedAt ? new Intl.DateTimeFormat(context.language, { dateStyle: 'medium',
        timeStyle: 'short' }).format(new Date(survey.updatedAt)) : '–'))));
    after = page.next || null;
    more.hidden = !after;
    return (page.items || []).length;
  };
  try {
    await load();
  } catch (error) {
    failure(context, error, () => surveyList(context));
    return;
  }
  more.addEventListener('click', () => load().catch((error) => context.announce(error.message)));
  const empty = rows.children.length === 0;
  show(context,
    el('h1', { id: 'page-title', tabindex: '-1' }, t.surveysTitle),
    empty ? el('p', { class: 'empty' }, t.surveysEmpty) : el('div', { class: 'panel table-scroll' },
      el('table', { id: 'surveys' },
        el('caption', {}, t.surveysCaption),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t.colSurvey),
          el('th', { scope: 'col' }, t.colStatus),
          el('th', { scope: 'col', class: 'number' }, t.colVersion),
          el('th', { scope: 'col' }, t.colUpdated))),
        rows)),
    more);
}
