package io.hearken.insight.messaging;

import io.hearken.common.events.AlertRaised;
import io.hearken.common.events.EventAppender;
import io.hearken.insight.config.InsightConfig;
import io.hearken.insight.domain.Alert;
import io.hearken.insight.repository.RaisedAlert;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Appends {@code hearken.alert.raised.v1} for a stored alert to {@code hearken.alerts} and returns only once the
 * broker has it. The event id is the alert id, so an alert announced again after a crash is the same event.
 */
@ApplicationScoped
public class AlertAnnouncements {

    private static final String SOURCE = "urn:hearken:insight-service";

    private final EventAppender appender;

    public AlertAnnouncements(InsightConfig config) {
        this.appender = new EventAppender(SOURCE, config.cases().announceTimeout());
    }

    /** Announces the alerts, returning once the broker has every one (all sent before any is waited for). */
    public void announceAll(List<RaisedAlert> raised) {
        appender.appendAll(raised.stream().map(alert -> event(alert).announcement()).toList());
    }

    static AlertRaised event(RaisedAlert raised) {
        Alert alert = raised.alert();
        return new AlertRaised(alert.id(), raised.caseId(), alert.tenant(), alert.ruleId(), raised.ruleName(),
                alert.ruleType().name(), alert.priority().name(), alert.surveyId(), alert.responseId(),
                alert.profileId(), alert.customerId(), alert.reason(), alert.evidence(), alert.raisedAt(),
                raised.caseDueAt());
    }

    @PreDestroy
    void close() {
        appender.close();
    }
}
