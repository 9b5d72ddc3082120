package io.hearken.insight.repository;

import io.hearken.insight.domain.AlertRule;

import java.time.Instant;

/** An alert rule as kept: the domain rule and when it was created and last changed. */
public record StoredAlertRule(AlertRule rule, Instant createdAt, Instant updatedAt) {
}
