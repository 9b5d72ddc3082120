package io.hearken.insight.service;

import io.hearken.insight.config.InsightConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;

/** Whose days are whose: the time zone each tenant's scores are bucketed and asked in. */
@ApplicationScoped
public class TenantTimeZones {

    private final InsightConfig.Scores config;

    public TenantTimeZones(InsightConfig config) {
        this.config = config.scores();
    }

    public ZoneId of(String tenant) {
        return config.timeZones().getOrDefault(tenant, config.defaultTimeZone());
    }
}
