package io.hearken.insight.service;

import io.hearken.insight.config.InsightConfig;
import io.hearken.insight.domain.Alert;
import io.hearken.insight.domain.AlertRule;
import io.hearken.insight.domain.AlertTrigger;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.ResponseSignals;
import io.hearken.insight.domain.SlaPolicy;
import io.hearken.insight.domain.TenantAlertRules;
import io.hearken.insight.repository.AlertRepository;
import io.hearken.insight.repository.AlertRuleRepository;
import io.hearken.insight.repository.ListPosition;
import io.hearken.insight.repository.RaisedAlert;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raises the alerts a batch of responses triggers: the enabled rules of the batch's tenants are read once, each
 * response is evaluated by the domain ({@link TenantAlertRules}), and the alerts with the cases they open are stored
 * together, once each by id; every customer with a newly opened case has their churn risk assessed again in the same
 * transaction.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final SlaPolicy sla;
    private final ChurnService churn;

    public AlertService(AlertRuleRepository rules, AlertRepository alerts, InsightConfig config, ChurnService churn) {
        this.rules = rules;
        this.alerts = alerts;
        this.churn = churn;
        this.sla = config.cases().sla();
    }

    /**
     * Stores the alerts (and cases) the responses trigger and returns every alert of the batch as kept, including
     * those a previous delivery of the same events stored: all of them are to be announced.
     */
    public Uni<List<RaisedAlert>> raise(List<ResponseSignals> responses) {
        if (responses.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> tenants = new LinkedHashSet<>();
        responses.forEach(response -> tenants.add(response.tenant()));
        Instant now = Timestamps.now();
        return rules.enabledRulesOf(tenants).chain(byTenant -> {
            Map<String, AlertRepository.NewAlert> raised = new LinkedHashMap<>();
            for (ResponseSignals response : responses) {
                List<AlertRule> tenantRules = byTenant.getOrDefault(response.tenant(), List.of());
                for (AlertTrigger trigger : new TenantAlertRules(response.tenant(), tenantRules).evaluate(response)) {
                    Alert alert = Alert.raise(trigger, now);
                    // The same event twice in one batch raises its alerts once.
                    raised.putIfAbsent(alert.id(), new AlertRepository.NewAlert(alert, trigger.rule().name(),
                            FollowUpCase.open(alert, sla), response.respondent()));
                }
            }
            return alerts.raise(new ArrayList<>(raised.values()), now,
                    (connection, opened) -> reassessChurn(connection, opened, now));
        });
    }

    /** A new case is one more unresolved case of its customer: each customer is assessed again. */
    private Uni<Void> reassessChurn(SqlConnection connection, List<AlertRepository.NewAlert> opened, Instant now) {
        return churn.reassess(connection, opened.stream().map(alert -> new ChurnService.Reassessment(
                alert.alert().tenant(), alert.respondent(), alert.alert().id())).toList(), now);
    }

    /** The tenant's alerts, newest first. */
    public Uni<List<RaisedAlert>> list(String tenant, ListPosition after, int limit) {
        return alerts.list(tenant, after, limit);
    }
}
