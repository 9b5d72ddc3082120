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
  allSurveys: '← All surveys',
  period: 'Period',
  lastDays: (days) => `Last ${days} days`,
  refresh: 'Refresh',
  updatedAt: (time) => `Updated ${time}`,
  scoreNames: { nps: 'NPS', csatTopTwoBox: 'CSAT (top two boxes, %)', cesMean: 'CES (mean)' },
  margin: (value) => `± ${value}`,
  answers: (count) => (count === 1 ? '1 answer' : `${count.toLocaleString('en')} answers`),
  smallSample: 'fewer than 30 answers: read with care',
  previous: (value) => `Previous period: ${value}`,
  noPrevious: 'No answers in the previous period',
  change: (value) => `Change: ${value}`,
  significant: 'significant',
  notSignificant: 'within the margin',
  noScores: 'No NPS, CSAT or CES answers in this period yet.',
  trendTitle: 'Trend against the previous period',
  trendScore: 'Score',
  thisPeriod: 'This period',
  previousPeriod: 'Previous period',
  trendLabel: (score) => `${score} by period: this period against the previous one`,
  channelsTitle: 'By channel',
  channelsCaption: 'Scores by channel in this period',
  channelsLabel: 'NPS by channel',
  channelsEmpty: 'No answers by channel in this period.',
  colChannel: 'Channel',
  colAnswers: 'Answers',
  channels: {
    web: 'Web', widget: 'Widget', 'in-app': 'In app', email: 'Email', sms: 'SMS', kiosk: 'Kiosk', chat: 'Chat',
    voice: 'Voice', 'call-centre': 'Call centre', review: 'Review', social: 'Social', api: 'API',
  },
  exportPng: 'Download chart (PNG)',
  exportCsv: 'Download table (CSV)',
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
