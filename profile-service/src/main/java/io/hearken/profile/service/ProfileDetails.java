package io.hearken.profile.service;

import io.hearken.profile.domain.ChurnRiskTrait;
import io.hearken.profile.domain.ConsentState;
import io.hearken.profile.domain.CustomerProfile;
import io.hearken.profile.domain.ProfileIdentity;
import io.hearken.profile.domain.StoredTrait;
import io.hearken.profile.domain.Touchpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a person sees of one profile: identities with their trust, traits, consent, the newest moments and the
 * churn risk with its reasons ({@code churnRisk} null before insight-service assessed the customer).
 */
public record ProfileDetails(CustomerProfile profile, List<ProfileIdentity> identities, List<StoredTrait> traits,
                             List<ConsentState> consent, List<UUID> possibleMatches,
                             Map<String, Instant> lastContactPerChannel, List<Touchpoint> recent, String nextCursor,
                             ChurnRiskTrait churnRisk) {
}
