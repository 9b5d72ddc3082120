package io.hearken.insight.domain;

/** How a follow-up case ended, as the person who closed it judged it; required to resolve a case. */
public enum CaseOutcome {
    /** The customer was reached and is satisfied again. */
    RECOVERED,
    /** The customer was reached but is not won back. */
    NOT_RECOVERED,
    /** The customer did not answer the follow-up. */
    NO_RESPONSE,
    /** Nothing to do: spam, a test, a misread answer. */
    NOT_ACTIONABLE
}
