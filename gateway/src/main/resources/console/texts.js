// The console's own words. Every text a person reads comes from here; what surveys and customers wrote comes from the
// API as it is. English only so far; the language is the browser's first one the console has.

import { choose } from '/respond/assets/languages.js';

export const LANGUAGES = ['en'];

const en = {
  brand: 'Hearken console',
  skip: 'Skip to content',
  logout: 'Log out',
  signingIn: 'Signing you in…',
  loading: 'Loading…',
  navSurveys: 'Surveys',
  navApiDocs: 'API documentation',
  signedInAs: (user, tenant) => `${user} · ${tenant}`,
  surveysTitle: 'Surveys',
  surveysEmpty: 'No surveys yet.',
  surveysCaption: 'Your surveys, newest first',
  colSurvey: 'Survey',
  colStatus: 'Status',
  colVersion: 'Published version',
  colUpdated: 'Updated',
  status: { DRAFT: 'Draft', ACTIVE: 'Active', PAUSED: 'Paused', CLOSED: 'Closed' },
  more: 'Show more',
  loginFailed: 'We could not sign you in',
  loginAgain: 'Sign in again',
  loadFailed: 'This could not be loaded',
  forbidden: 'Your role does not allow this.',
  notFound: 'There is nothing here.',
  unreachable: 'The server could not be reached. Check your connection and try again.',
  tryAgain: 'Try again',
};

const BY_LANGUAGE = { en };

/** The texts of {@code language}, with English for any key a translation lacks. */
export function textsIn(language) {
  return { ...en, ...BY_LANGUAGE[language] };
}

/** The person's language: the browser's first one the console has. */
export function chosenLanguage() {
  return choose(navigator.languages || [navigator.language], LANGUAGES, 'en');
}
