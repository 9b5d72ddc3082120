// The survey editor's settings (survey-service's SurveySettings): one response per respondent, quotas (a limit on the
// responses matching a condition, and what a full one does), and the web origins whose pages may embed the survey.
// The embeddable widget's own settings (its trigger, delay and fatigue periods) are not kept by the API: they live in
// the script tag a site pastes (respond/widget.js reads them from its data- attributes), so they are edited here as
// that tag, ready to copy. Every input names its path in the request (data-field), so a refusal is shown next to it.

import { conditionEditor, renameIn } from './editor-logic.js';
import { el } from './views.js';

const ACTIONS = ['STOP', 'REDIRECT'];
const TRIGGERS = ['page-view', 'delay', 'exit-intent'];
/** The widget's defaults (respond/widget.js): an attribute that says the default is left out of the tag. */
const WIDGET_DEFAULTS = { delaySeconds: 5, recontactDays: 90, dismissDays: 14 };

/** The settings as the request sends them: empty lists left out, and no settings at all when nothing is set. */
export function settingsForRequest(settings) {
  if (!settings) {
    return null;
  }
  const sent = { ...settings };
  ['allowedOrigins', 'quotas'].forEach((name) => {
    if (Array.isArray(sent[name]) && sent[name].length === 0) {
      delete sent[name];
    }
  });
  if (sent.onePerRespondent !== true) {
    delete sent.onePerRespondent;
  }
  return Object.keys(sent).length === 0 ? null : sent;
}

/** Quotas follow a question renamed in the editor (their conditions name it) and an ending renamed (REDIRECT). */
export function renameInSettings(settings, { question, ending }) {
  (settings?.quotas || []).forEach((quota) => {
    if (question) {
      renameIn(quota.when, question.from, question.to);
    }
    if (ending && quota.endingId === ending.from) {
      quota.endingId = ending.to;
    }
  });
}

function settingsOf(editor) {
  editor.content.settings = editor.content.settings || {};
  return editor.content.settings;
}

/** The settings section. {@code editor} is the survey editor (editor.js). */
export function settingsSection(editor) {
  const { t } = editor;
  return el('section', { class: 'panel', 'aria-labelledby': 'settings-title', id: 'survey-settings' },
    el('h2', { id: 'settings-title' }, t.ed.set.title),
    el('h3', {}, t.ed.set.responsesTitle),
    editor.check(editor.content, 'onePerRespondent', 'one-per-respondent', t.ed.set.onePerRespondent,
      'settings.onePerRespondent'),
    el('p', { class: 'meta' }, t.ed.set.onePerRespondentHelp),
    quotasPart(editor),
    originsPart(editor),
    widgetPart(editor));
}

function quotasPart(editor) {
  const { t } = editor;
  const quotas = editor.content.settings?.quotas || [];
  return el('div', { class: 'quotas', id: 'quotas' },
    el('h3', {}, t.ed.set.quotasTitle),
    el('p', { class: 'meta' }, t.ed.set.quotasHelp),
    quotas.map((quota, index) => quotaCard(editor, quotas, quota, index)),
    el('button', {
      type: 'button', class: 'quiet', id: 'add-quota',
      onclick: () => {
        const list = settingsOf(editor).quotas = settingsOf(editor).quotas || [];
        const ids = new Set(list.map((candidate) => candidate.id));
        let number = list.length + 1;
        while (ids.has(`quota${number}`)) {
          number++;
        }
        list.push({ id: `quota${number}`, when: null, limit: 100, action: 'STOP' });
        editor.changed(true, `quota-${editor.keyOf(list[list.length - 1])}-limit`);
      },
    }, t.ed.set.addQuota));
}

function quotaCard(editor, quotas, quota, index) {
  const { t } = editor;
  const key = editor.keyOf(quota);
  const field = `settings.quotas[${index}]`;
  const heading = el('h4', { id: `quota-${key}-title` }, t.ed.set.quotaTitle(index + 1));
  const endings = editor.endings();
  const limit = el('label', { class: 'field short' }, t.ed.set.limit, el('input', {
    type: 'number', id: `quota-${key}-limit`, min: 1, step: 1, value: quota.limit ?? '', 'data-field': `${field}.limit`,
    oninput: (event) => {
      quota.limit = event.target.value === '' ? null : Number(event.target.value);
      editor.changed(false);
    },
  }));
  const action = el('label', { class: 'field short' }, t.ed.set.action, el('select', {
    id: `quota-${key}-action`, 'data-field': `${field}.action`,
    onchange: (event) => {
      quota.action = event.target.value;
      if (quota.action === 'REDIRECT') {
        quota.endingId = quota.endingId || endings[0]?.id || null;
      } else {
        delete quota.endingId;
      }
      editor.changed(true, `quota-${key}-action`);
    },
  }, ACTIONS.map((value) => el('option', { value, selected: quota.action === value }, t.ed.set.actions[value]))));
  const ending = quota.action !== 'REDIRECT' ? null : el('label', { class: 'field' }, t.ed.set.ending, endings.length
    ? el('select', {
      id: `quota-${key}-ending`, 'data-field': `${field}.endingId`,
      onchange: (event) => {
        quota.endingId = event.target.value;
        editor.changed(false);
      },
    }, quota.endingId && !endings.some((candidate) => candidate.id === quota.endingId)
      ? el('option', { value: quota.endingId, selected: true }, quota.endingId) : null,
    endings.map((candidate, endingIndex) => el('option', { value: candidate.id,
      selected: candidate.id === quota.endingId }, `${t.ed.endingTitle(endingIndex + 1)} (${candidate.id})`)))
    : el('p', { class: 'meta', id: `quota-${key}-ending`, 'data-field': `${field}.endingId` }, t.ed.set.noEndings));
  return el('div', { class: 'card quota', role: 'group', 'aria-labelledby': heading.id, 'data-quota': quota.id },
    el('div', { class: 'panel-head' }, heading, el('button', {
      type: 'button', class: 'danger', id: `quota-${key}-remove`, 'aria-describedby': heading.id,
      onclick: () => {
        quotas.splice(index, 1);
        editor.changed(true, 'add-quota');
      },
    }, t.ed.remove)),
    el('div', { class: 'row' }, editor.idInput(quota, `quota-${key}-id`, `${field}.id`), limit, action),
    ending,
    el('p', { class: 'meta' }, t.ed.set.countsWhen),
    conditionEditor(editor, quota, 'when', editor.questions(), `quota-${key}`, `${field}.when`));
}

function originsPart(editor) {
  const { t } = editor;
  const origins = editor.content.settings?.allowedOrigins || [];
  return el('fieldset', { class: 'options-editor', id: 'allowed-origins', 'data-field': 'settings.allowedOrigins' },
    el('legend', {}, t.ed.set.originsTitle),
    el('p', { class: 'meta' }, t.ed.set.originsHelp),
    el('ol', {}, origins.map((origin, index) => el('li', { class: 'row' },
      el('label', { class: 'field' }, t.ed.set.originLabel(index + 1), el('input', {
        type: 'url', id: `origin-${index}`, value: origin, 'data-field': `settings.allowedOrigins[${index}]`,
        autocomplete: 'off', spellcheck: 'false', placeholder: 'https://shop.example.com',
        oninput: (event) => {
          origins[index] = event.target.value.trim();
          editor.changed(false);
        },
      })),
      el('div', { class: 'actions compact' }, el('button', {
        type: 'button', class: 'danger', id: `origin-${index}-remove`, 'aria-label': t.ed.removeNamed(origin || '—'),
        onclick: () => {
          origins.splice(index, 1);
          editor.changed(true, 'add-origin');
        },
      }, t.ed.remove))))),
    el('button', {
      type: 'button', class: 'quiet', id: 'add-origin',
      onclick: () => {
        const list = settingsOf(editor).allowedOrigins = settingsOf(editor).allowedOrigins || [];
        list.push('');
        editor.changed(true, `origin-${list.length - 1}`);
      },
    }, t.ed.set.addOrigin));
}

/** The widget's script tag for this survey, with only the attributes that differ from the widget's defaults. */
export function widgetTag(base, surveyId, widget) {
  const attributes = [`data-survey="${surveyId}"`];
  if (widget.trigger !== 'page-view') {
    attributes.push(`data-trigger="${widget.trigger}"`);
    if (widget.delaySeconds !== WIDGET_DEFAULTS.delaySeconds) {
      attributes.push(`data-delay-seconds="${widget.delaySeconds}"`);
    }
  }
  if (widget.recontactDays !== WIDGET_DEFAULTS.recontactDays) {
    attributes.push(`data-recontact-days="${widget.recontactDays}"`);
  }
  if (widget.dismissDays !== WIDGET_DEFAULTS.dismissDays) {
    attributes.push(`data-dismiss-days="${widget.dismissDays}"`);
  }
  if (widget.language) {
    attributes.push(`data-lang="${widget.language}"`);
  }
  return `<script src="${base}/respond/assets/widget.js" async\n        ${attributes.join(' ')}></script>`;
}

function widgetPart(editor) {
  const { t } = editor;
  const part = el('div', { class: 'widget-settings', id: 'widget-settings' },
    el('h3', {}, t.ed.set.widgetTitle),
    el('p', { class: 'meta' }, t.ed.set.widgetHelp));
  if (!editor.view) {
    part.append(el('p', { class: 'empty', id: 'widget-unsaved' }, t.ed.set.widgetUnsaved));
    return part;
  }
  editor.widget = editor.widget || { trigger: 'page-view', language: '', ...WIDGET_DEFAULTS };
  const widget = editor.widget;
  const code = el('textarea', { id: 'widget-code', readonly: true, rows: 3, spellcheck: 'false', class: 'code' });
  const delay = el('label', { class: 'field short', hidden: widget.trigger === 'page-view' }, t.ed.set.delaySeconds,
    el('input', { type: 'number', id: 'widget-delay', min: 0, max: 3600, step: 1, value: widget.delaySeconds,
      oninput: (event) => set('delaySeconds', event.target.value, 3600) }));
  const write = () => {
    code.value = widgetTag(window.location.origin, editor.view.id, widget);
  };
  // A count as the widget reads it: a whole number, at most its ceiling; an empty field means the default.
  function set(name, value, max) {
    const parsed = Number.parseInt(value, 10);
    widget[name] = Number.isNaN(parsed) || parsed < 0 ? WIDGET_DEFAULTS[name] : Math.min(parsed, max);
    write();
  }
  const number = (name, id, label, max) => el('label', { class: 'field short' }, label, el('input', {
    type: 'number', id, min: 0, max, step: 1, value: widget[name], oninput: (event) => set(name, event.target.value, max),
  }));
  write();
  part.append(
    el('div', { class: 'row' },
      el('label', { class: 'field short' }, t.ed.set.trigger, el('select', {
        id: 'widget-trigger',
        onchange: (event) => {
          widget.trigger = event.target.value;
          delay.hidden = widget.trigger === 'page-view';
          write();
        },
      }, TRIGGERS.map((value) => el('option', { value, selected: widget.trigger === value },
        t.ed.set.triggers[value])))),
      delay,
      number('recontactDays', 'widget-recontact-days', t.ed.set.recontactDays, 3650),
      number('dismissDays', 'widget-dismiss-days', t.ed.set.dismissDays, 3650),
      el('label', { class: 'field short' }, t.ed.set.widgetLanguage, el('select', {
        id: 'widget-language',
        onchange: (event) => {
          widget.language = event.target.value;
          write();
        },
      }, el('option', { value: '', selected: !widget.language }, t.ed.set.pageLanguage),
      editor.content.languages.map((language) => el('option', { value: language,
        selected: widget.language === language }, t.ed.languageNames[language]))))),
    el('label', { class: 'field' }, t.ed.set.code, code),
    el('div', { class: 'actions' }, el('button', {
      type: 'button', class: 'quiet', id: 'widget-copy',
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(code.value);
          editor.context.announce(t.ed.set.copied);
        } catch (refused) {
          code.select();
          editor.context.announce(t.ed.set.copyYourself);
        }
      },
    }, t.ed.set.copy)));
  return part;
}
