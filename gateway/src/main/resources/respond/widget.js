// Hearken's feedback widget: one script tag on a customer's site shows a survey in a panel, when its trigger fires
// and the fatigue rules allow. This loader is a classic script (so it can read its own tag) and stays tiny: it
// decides whether and when to show anything, and only then loads the widget's module and the survey.
//
//   <script src="https://feedback.example.com/respond/assets/widget.js" async
//           data-survey="SURVEY_ID" data-trigger="delay" data-delay-seconds="10"></script>
//
// data-trigger: page-view (default), delay (data-delay-seconds, default 5), exit-intent (the pointer leaves through
// the top of the window; on touch screens, where there is no such gesture, after the delay instead).
// Fatigue: nothing is shown again on this site for data-recontact-days (default 90) after an answer, for
// data-dismiss-days (default 14) after the panel is closed unanswered, and at most one survey per visit (tab
// session) whichever survey it is. The survey's settings.allowedOrigins must list the site's origin.
(function hearkenWidget() {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.survey) {
    return;
  }
  var DAY_MS = 24 * 60 * 60 * 1000;
  var surveyId = script.dataset.survey;
  var memoryName = 'hearken.widget.' + surveyId;
  var visitName = 'hearken.widget.visit';

  function number(value, fallback, max) {
    var parsed = parseInt(value, 10);
    return isNaN(parsed) || parsed < 0 ? fallback : Math.min(parsed, max);
  }

  function read(storage, name) {
    try {
      return JSON.parse(storage.getItem(name) || 'null');
    } catch (refused) {
      return null;
    }
  }

  var config = {
    surveyId: surveyId,
    base: new URL('.', script.src).href,
    api: new URL('/api/v1/public', script.src).href,
    trigger: script.dataset.trigger || 'page-view',
    delayMs: number(script.dataset.delaySeconds, 5, 3600) * 1000,
    recontactMs: number(script.dataset.recontactDays, 90, 3650) * DAY_MS,
    dismissMs: number(script.dataset.dismissDays, 14, 3650) * DAY_MS,
    language: script.dataset.lang || null,
    memoryName: memoryName,
    visitName: visitName,
  };

  /** Whether the fatigue rules let this survey show now. */
  function allowed() {
    var memory = read(localStorage, memoryName) || {};
    var now = Date.now();
    if (memory.answeredAt && now - memory.answeredAt < config.recontactMs) {
      return false;
    }
    if (memory.dismissedAt && now - memory.dismissedAt < config.dismissMs) {
      return false;
    }
    return !read(sessionStorage, visitName);
  }

  var shown = false;
  // The visit's mark is written once a panel is up (a survey that cannot load here does not use up the visit), so
  // two tags on one page would both find the visit free while the first panel loads: the first to start showing
  // claims the page, and gives it back if it fails.
  var pageClaimName = Symbol.for('hearken.widget.showing');

  function show() {
    if (shown || window[pageClaimName] || !allowed()) {
      return;
    }
    shown = true;
    var claim = { surveyId: surveyId };
    window[pageClaimName] = claim;
    import(config.base + 'widget-app.js')
      .then(function (app) { return app.open(config); })
      .catch(function (failure) {
        if (window[pageClaimName] === claim) {
          delete window[pageClaimName];
        }
        // The host page is not ours to break: a widget that cannot load stays away, saying why in the console.
        console.info('Hearken widget not shown: ' + failure.message);
      });
  }

  function whenReady(action) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', action, { once: true });
    } else {
      action();
    }
  }

  if (!allowed()) {
    return;
  }
  whenReady(function () {
    var touchOnly = window.matchMedia && window.matchMedia('(hover: none)').matches;
    if (config.trigger === 'delay' || (config.trigger === 'exit-intent' && touchOnly)) {
      setTimeout(show, config.delayMs);
    } else if (config.trigger === 'exit-intent') {
      document.addEventListener('mouseout', function leaving(event) {
        if (!event.relatedTarget && event.clientY <= 0) {
          document.removeEventListener('mouseout', leaving);
          show();
        }
      });
    } else {
      show();
    }
  });
}());
