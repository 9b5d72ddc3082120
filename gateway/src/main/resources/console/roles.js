// What each role may reach, as the gateway's route table says (docs/security.md): the console draws only what the
// signed-in person may use, and the gateway refuses the rest anyway.

/** Whether the roles may read surveys and their scores (the gateway's survey-read): agents and partners may not. */
export function readsSurveys(session) {
  return session.has('admin') || session.has('analyst');
}

/** Whether the roles may read cases (the gateway's cases-read). */
export function readsCases(session) {
  return session.has('admin') || session.has('analyst') || session.has('agent');
}

/** Whether the roles may assign, note and resolve cases (the gateway's cases-write). */
export function mayActOnCases(session) {
  return session.has('admin') || session.has('agent');
}

/** Whether the roles may open a customer's 360 (the gateway's customer-360 and profile-read). */
export function readsCustomers(session) {
  return readsCases(session);
}

/** Whether the roles may follow the tenant's live updates (the gateway's live): partners may not. */
export function followsLive(session) {
  return session.has('admin') || session.has('analyst') || session.has('agent');
}

/** Whether the roles may see webhook subscriptions: an admin all of the tenant's, a partner its own. */
export function mayUseWebhooks(session) {
  return session.has('admin') || session.has('partner');
}

/** Whether the roles may read and redrive the tenant's dead letters (the gateway's dead-letters-read). */
export function readsDeadLetters(session) {
  return session.has('admin');
}

/** The first screen of a person's roles: the survey list, else the case inbox, else the webhooks; null: none. */
export function firstScreen(session) {
  if (readsSurveys(session)) {
    return '#/';
  }
  if (readsCases(session)) {
    return '#/cases';
  }
  return mayUseWebhooks(session) ? '#/webhooks' : null;
}
