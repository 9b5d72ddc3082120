package io.hearken.insight.repository;

import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.Priority;

import java.util.List;

/**
 * Which of a tenant's cases to list: every filter is optional (null), {@code overdue} true keeps only unresolved
 * cases past their deadline, {@code responseIds} (empty: any) keeps the cases raised by those responses (a
 * customer's, as their profile's timeline lists them); {@code after} (null: from the newest) is where the previous
 * page ended.
 */
public record CaseQuery(String tenant, CaseStatus status, String assignee, boolean overdue, Priority priority,
                        List<String> responseIds, ListPosition after, int limit) {

    public CaseQuery {
        responseIds = List.copyOf(responseIds);
    }
}
