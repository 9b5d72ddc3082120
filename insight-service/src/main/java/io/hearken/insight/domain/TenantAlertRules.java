package io.hearken.insight.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules that can fire for one tenant: of the rules given, those of the tenant that are enabled and valid. It
 * evaluates all of them against one response or one period comparison and returns a trigger per rule that fires, so
 * at most one per rule per response, in the order the rules were given.
 */
public final class TenantAlertRules {

    private final String tenant;
    private final List<AlertRule> active;

    public TenantAlertRules(String tenant, List<AlertRule> rules) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        List<AlertRule> kept = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule.enabled() && tenant.equals(rule.tenant()) && rule.isValid()) {
                kept.add(rule);
            }
        }
        this.active = List.copyOf(kept);
    }

    public String tenant() {
        return tenant;
    }

    /** The enabled, valid rules of the tenant, which are the ones that can fire. */
    public List<AlertRule> active() {
        return active;
    }

    public List<AlertTrigger> evaluate(ResponseSignals response) {
        List<AlertTrigger> triggers = new ArrayList<>();
        for (AlertRule rule : active) {
            rule.evaluate(response).ifPresent(triggers::add);
        }
        return triggers;
    }

    public List<AlertTrigger> evaluate(ScorePeriodComparison comparison) {
        List<AlertTrigger> triggers = new ArrayList<>();
        for (AlertRule rule : active) {
            rule.evaluate(comparison).ifPresent(triggers::add);
        }
        return triggers;
    }
}
