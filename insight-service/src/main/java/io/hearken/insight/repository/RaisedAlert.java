package io.hearken.insight.repository;

import io.hearken.insight.domain.Alert;

import java.time.Instant;

/**
 * An alert as kept, with what announcing and listing it need besides the domain alert: the name of the rule at the
 * time (the rule may be renamed or deleted later), and the case it opened with that case's current deadline.
 */
public record RaisedAlert(Alert alert, String ruleName, String caseId, Instant caseDueAt) {
}
