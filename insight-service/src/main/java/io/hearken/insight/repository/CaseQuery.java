package io.hearken.insight.repository;

import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.Priority;

/**
 * Which of a tenant's cases to list: every filter is optional (null), {@code overdue} true keeps only unresolved
 * cases past their deadline.
 */
public record CaseQuery(String tenant, CaseStatus status, String assignee, boolean overdue, Priority priority,
                        int limit) {
}
