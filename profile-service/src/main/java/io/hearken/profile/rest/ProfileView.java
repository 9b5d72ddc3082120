package io.hearken.profile.rest;

import io.hearken.profile.domain.ChurnRiskTrait;
import io.hearken.profile.domain.ConsentState;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.StoredTrait;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.service.ProfileDetails;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A profile as the API shows it. Every identity says whether it is verified and where it came from; the profile
 * says whether it is a verified customer or only what someone claimed on a form, and which other profiles may be
 * the same customer.
 */
public record ProfileView(UUID id, String tenant, String trust, Instant createdAt, Instant updatedAt,
                          List<IdentityView> identities, Map<String, Object> traits, ComputedView computed,
                          List<ConsentView> consent, List<UUID> possibleMatches, List<TouchpointView> timeline,
                          String timelineNext) {

    public record IdentityView(String kind, String value, boolean verified, String source, Instant firstSeenAt,
                               Instant lastSeenAt) {
        static IdentityView of(ProfileIdentity identity) {
            return new IdentityView(identity.kind, identity.value, identity.verified, identity.source,
                    identity.createdAt, identity.lastSeenAt);
        }
    }

    /**
     * Traits kept from events.
     *
     * @param churnRisk        insight-service's latest churn risk score, 0–100, or null before the first one
     * @param churnRiskBand    LOW, MEDIUM or HIGH
     * @param churnRiskReasons what the score is made of; the points add up to it
     */
    public record ComputedView(int responseCount, Integer lastNps, Instant lastNpsAt, BigDecimal averageCsat,
                               Instant lastContactAt, String lastChannel, Map<String, Instant> lastContactPerChannel,
                               BigDecimal churnRisk, String churnRiskBand, List<ChurnRiskTrait.Reason> churnRiskReasons,
                               Instant churnRiskAssessedAt) {
    }

    public record ConsentView(String channel, String purpose, String status, Instant updatedAt) {
        static ConsentView of(ConsentState consent) {
            return new ConsentView(consent.channel(), consent.purpose(),
                    consent.status().toLowerCase().replace('_', '-'), consent.updatedAt());
        }
    }

    public record TouchpointView(String type, String channel, String stage, String touchpoint, String surveyId,
                                 String responseId, Integer score, BigDecimal csat, BigDecimal sentiment,
                                 String comment, String detail, Instant occurredAt) {
        static TouchpointView of(Touchpoint touchpoint) {
            return new TouchpointView(touchpoint.kind, touchpoint.channel, touchpoint.stage, touchpoint.touchpoint,
                    touchpoint.surveyId, touchpoint.responseId, touchpoint.score, touchpoint.csat,
                    touchpoint.sentiment, touchpoint.comment, touchpoint.detail, touchpoint.occurredAt);
        }
    }

    static ProfileView of(ProfileDetails details) {
        CustomerProfile profile = details.profile();
        ChurnRiskTrait churnRisk = details.churnRisk();
        Map<String, Object> traits = new LinkedHashMap<>();
        for (StoredTrait trait : details.traits()) {
            traits.put(trait.value().key(), trait.value().value());
        }
        return new ProfileView(profile.id, profile.tenant, profile.trust.name().toLowerCase(), profile.createdAt,
                profile.updatedAt, details.identities().stream().map(IdentityView::of).toList(), traits,
                new ComputedView(profile.responseCount, profile.lastNps, profile.lastNpsAt, profile.averageCsat(),
                        profile.lastContactAt, profile.lastChannel, details.lastContactPerChannel(),
                        profile.churnRisk, churnRisk == null ? null : churnRisk.band(),
                        churnRisk == null ? null : churnRisk.reasons(),
                        churnRisk == null ? null : churnRisk.assessedAt()),
                details.consent().stream().map(ConsentView::of).toList(), details.possibleMatches(),
                details.recent().stream().map(TouchpointView::of).toList(), details.nextCursor());
    }
}
