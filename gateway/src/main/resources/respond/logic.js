// The survey's rules as the respondent answers: which pages and questions are shown (display conditions), what
// their texts say (piping), and whether an answer can be sent (required and range checks). They follow
// survey-service's domain (Condition, Operator, the question kinds' rules), which judges the response again: the
// page only spares the respondent a refusal, it decides nothing.

export const SCALES = { NPS: [0, 10], CSAT: [1, 5], CES: [1, 7] };
const PIPED = /\{\{\s*([A-Za-z0-9_-]{1,64})\s*\}\}/g;

/** The lowest and highest score of a scale question, or null for other kinds. */
export function scaleOf(question) {
  if (SCALES[question.type]) {
    return SCALES[question.type];
  }
  if (question.type === 'RATING' || question.type === 'MATRIX') {
    const settings = question.settings || {};
    return [settings.min ?? 1, settings.max ?? 5];
  }
  return null;
}

/** What conditions compare for an answer, as the domain's Answer.comparable: a number, a list, a text, ... */
export function comparable(question, value) {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (question.type === 'SINGLE_CHOICE') {
    return typeof value === 'string' ? [value] : value.choices;
  }
  if (question.type === 'MULTIPLE_CHOICE') {
    return Array.isArray(value) ? value : value.choices;
  }
  return value;
}

function same(given, value) {
  if (typeof given === 'number' && typeof value === 'number') {
    return Math.trunc(given) === Math.trunc(value);
  }
  if (Array.isArray(given) && typeof value === 'string') {
    return given.length === 1 && given[0] === value;
  }
  return given === value;
}

function ordered(given, value, meets) {
  if (typeof given === 'number' && typeof value === 'number') {
    return meets(Math.sign(Math.trunc(given) - Math.trunc(value)));
  }
  if (typeof given === 'string' && typeof value === 'string') {
    return meets(given < value ? -1 : given > value ? 1 : 0);
  }
  return false;
}

/** Whether a condition holds for the answers so far (question id to comparable value; absent: not answered). */
export function holds(condition, answered) {
  if (!condition) {
    return true;
  }
  if (condition.all) {
    return condition.all.every((part) => holds(part, answered));
  }
  if (condition.any) {
    return condition.any.some((part) => holds(part, answered));
  }
  const given = answered.get(condition.question);
  const value = condition.value;
  switch (condition.operator) {
    case 'ANSWERED': return given !== undefined;
    case 'NOT_ANSWERED': return given === undefined;
    default: break;
  }
  if (given === undefined) {
    return false;
  }
  switch (condition.operator) {
    case 'EQUALS': return same(given, value);
    case 'NOT_EQUALS': return !same(given, value);
    case 'LESS_THAN': return ordered(given, value, (order) => order < 0);
    case 'AT_MOST': return ordered(given, value, (order) => order <= 0);
    case 'GREATER_THAN': return ordered(given, value, (order) => order > 0);
    case 'AT_LEAST': return ordered(given, value, (order) => order >= 0);
    case 'ANY_OF': return Array.isArray(value) && value.some((candidate) => (Array.isArray(given)
      ? given.includes(candidate) : same(given, candidate)));
    case 'CONTAINS': return Array.isArray(given) && given.includes(value);
    default: return false;
  }
}

/**
 * Walks the survey in order, as survey-service does, and says what is shown for these answers: the pages shown
 * (each with its shown questions) and the answers that count (those of shown questions only; an answer to a
 * question the logic hides is not sent, or the survey would refuse it).
 */
export function walk(survey, values) {
  const answered = new Map();
  const pages = [];
  for (const page of survey.pages) {
    const pageShown = holds(page.showIf, answered);
    const questions = [];
    for (const question of page.questions) {
      const shown = pageShown && holds(question.showIf, answered);
      if (!shown) {
        continue;
      }
      questions.push(question);
      const value = values.get(question.id);
      if (value !== undefined && problemWith(question, value) === null) {
        answered.set(question.id, comparable(question, value));
      }
    }
    if (pageShown) {
      pages.push({ page, questions });
    }
  }
  return { pages, answered };
}

/** The answers to send: those the walk keeps, by question id. */
export function answersToSend(survey, values) {
  const { pages } = walk(survey, values);
  const answers = {};
  for (const { questions } of pages) {
    for (const question of questions) {
      if (question.type !== 'HIDDEN' && values.has(question.id)
          && problemWith(question, values.get(question.id)) === null) {
        answers[question.id] = values.get(question.id);
      } else if (question.type === 'HIDDEN' && values.has(question.id)) {
        answers[question.id] = values.get(question.id);
      }
    }
  }
  return answers;
}

/** The wording of a text in the respondent's language, or the survey's default. */
export function wording(text, language, fallback) {
  if (!text) {
    return '';
  }
  return text[language] ?? text[fallback] ?? '';
}

/**
 * A question's text with earlier answers piped in ({{questionId}}), as text: the caller puts it in the page with
 * textContent, so a respondent's own words never become markup.
 */
export function piped(text, survey, values, language, t) {
  return text.replace(PIPED, (whole, id) => {
    const question = survey.pages.flatMap((page) => page.questions).find((candidate) => candidate.id === id);
    const value = values.get(id);
    if (!question || value === undefined) {
      return '';
    }
    return display(question, value, survey, language, t);
  });
}

function display(question, value, survey, language, t) {
  const settings = question.settings || {};
  const labelOf = (id) => {
    if (id === 'other') {
      return typeof value === 'object' && !Array.isArray(value) && value.other ? value.other : t('other');
    }
    const option = (settings.options || []).find((candidate) => candidate.id === id);
    return option ? wording(option.label, language, survey.defaultLanguage) : id;
  };
  const separator = language === 'ja' || language.startsWith('zh') ? '、' : ', ';
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
    case 'RANKING':
      return comparable(question, value).map(labelOf).join(separator);
    case 'CONSENT':
      return value ? t('yes') : t('no');
    case 'MATRIX':
      return '';
    default:
      return String(value);
  }
}

/** Code points, as survey-service counts a text's length. */
export function lengthOf(text) {
  return [...text].length;
}

/**
 * Why a given value is not a valid answer to the question, as [text key, values] for the page's texts, or null.
 * An absent value is judged by `missing`.
 */
export function problemWith(question, value) {
  const settings = question.settings || {};
  const scale = scaleOf(question);
  switch (question.type) {
    case 'NPS': case 'CSAT': case 'CES': case 'RATING':
      return Number.isInteger(value) && value >= scale[0] && value <= scale[1] ? null
        : ['errRange', { min: scale[0], max: scale[1] }];
    case 'TEXT': case 'HIDDEN': {
      const max = settings.maxLength ?? (question.type === 'TEXT' ? 5000 : 500);
      const length = lengthOf(value);
      return length > max ? ['errTooLong', { max, length }] : null;
    }
    case 'SINGLE_CHOICE': case 'MULTIPLE_CHOICE': {
      const picks = comparable(question, value) || [];
      if (picks.includes('other') && (typeof value !== 'object' || Array.isArray(value) || !value.other
          || !value.other.trim())) {
        return ['errOtherText', {}];
      }
      if (question.type === 'MULTIPLE_CHOICE') {
        const min = Math.max(settings.minPicks ?? 1, 1);
        const max = settings.maxPicks ?? ((settings.options || []).length + (settings.allowOther ? 1 : 0));
        return picks.length < min || picks.length > max ? ['errPicks', { min, max }] : null;
      }
      return picks.length === 1 ? null : ['errRequired', {}];
    }
    case 'RANKING': {
      const count = (settings.options || []).length;
      return Array.isArray(value) && value.length === count && new Set(value).size === count ? null
        : ['errRanking', { count }];
    }
    case 'MATRIX': {
      const rows = settings.rows || [];
      if (Object.values(value).some((score) => !Number.isInteger(score) || score < scale[0] || score > scale[1])) {
        return ['errRange', { min: scale[0], max: scale[1] }];
      }
      return question.required && Object.keys(value).length < rows.length ? ['errMatrix', {}] : null;
    }
    case 'DATE':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return ['errDate', {}];
      }
      if (settings.earliest && value < settings.earliest) {
        return ['errDateEarliest', { date: settings.earliest }];
      }
      if (settings.latest && value > settings.latest) {
        return ['errDateLatest', { date: settings.latest }];
      }
      return null;
    case 'CONSENT':
      return question.required && value !== true ? ['errConsent', {}] : null;
    default:
      return null;
  }
}

/** Why a question left without an answer stops the respondent, or null: required questions need one. */
export function missing(question) {
  if (!question.required || question.type === 'HIDDEN') {
    return null;
  }
  return question.type === 'CONSENT' ? ['errConsent', {}] : ['errRequired', {}];
}
