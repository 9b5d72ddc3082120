package io.hearken.profile.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.profile.domain.ChurnRiskTrait;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The churn risk trait on {@code customer_profile} (score, band, reasons as JSON, when assessed), written natively
 * in the caller's transaction, and the processed-event guard ({@code processed_event}) its consumer applies events
 * behind.
 */
@ApplicationScoped
public class ChurnRiskRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ChurnRiskTrait.Reason>> REASONS = new TypeReference<>() {
    };

    /** Records the event as processed by {@code consumer}; false if it was before. */
    public Uni<Boolean> recordProcessed(String consumer, String eventId) {
        return Sql.update("insert into processed_event (consumer, event_id) values (?1, ?2) on conflict do nothing",
                consumer, eventId).map(inserted -> inserted == 1);
    }

    /**
     * Keeps the assessment unless the profile holds a newer one; true if it was kept. The reasons are bound as text
     * and cast: a parameter typed jsonb would take a Java string as a JSON string, not as the list it holds.
     */
    public Uni<Boolean> keepIfNewer(UUID profileId, ChurnRiskTrait risk, Instant now) {
        return Sql.update("""
                update customer_profile
                set churn_risk = ?2, churn_risk_band = ?3, churn_risk_reasons = cast(cast(?4 as text) as jsonb),
                    churn_risk_assessed_at = ?5, updated_at = ?6
                where id = ?1 and (churn_risk_assessed_at is null or churn_risk_assessed_at < ?5)""",
                profileId, BigDecimal.valueOf(risk.score()), risk.band(), json(risk.reasons()), risk.assessedAt(), now)
                .map(updated -> updated == 1);
    }

    /** The profile's churn risk as kept, or empty before the first assessment. */
    public Uni<Optional<ChurnRiskTrait>> ofProfile(UUID profileId) {
        return Sql.rows("""
                select churn_risk, churn_risk_band, churn_risk_reasons::text, churn_risk_assessed_at
                from customer_profile where id = ?1 and churn_risk_assessed_at is not null""", profileId)
                .map(rows -> rows.stream().findFirst().map(row -> new ChurnRiskTrait(
                        ((BigDecimal) row[0]).intValue(), (String) row[1], reasons((String) row[2]),
                        IdentityRepository.instant(row[3]))));
    }

    private static String json(List<ChurnRiskTrait.Reason> reasons) {
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("churn risk reasons are not writable as JSON", e);
        }
    }

    private static List<ChurnRiskTrait.Reason> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("churn risk reasons kept are not readable: " + e.getMessage(), e);
        }
    }
}
