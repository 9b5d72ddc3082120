// What each role may reach, as the gateway's route table says (docs/security.md): the console draws only what the
// signed-in person may use, and the gateway refuses the rest anyway.

/** Whether the roles may read surveys and their scores (the gateway's survey-read): agents may not. */
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

/** Whether the roles may see webhook subscriptions: an admin all of the tenant's, a partner its own. */
export function mayUseWebhooks(session) {
  return session.has('admin') || session.has('partner');
}
