package io.hearken.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Data of a {@code hearken.profile.erased.v1} CloudEvent on {@link Topics#PROFILES}: a customer asked to be
 * forgotten. Every service that holds data about them removes or anonymises what matches one of {@code identities}
 * and was recorded at or before {@code erasedAt} (a response submitted later is a new, consented contact), then
 * appends an {@link ErasureCompleted} receipt with the same {@code erasureId}.
 *
 * <p>Identity values are normalised the way profile-service keeps them: emails trimmed and lower-cased, phones in
 * E.164 ({@code +} and digits), other ids trimmed. Kinds: {@code email}, {@code phone}, {@code customer_id},
 * {@code loyalty_id}, {@code device_id}.
 */
public record ProfileErased(String erasureId, String tenant, String profileId, List<Identity> identities,
                            Instant erasedAt) {

    /** One identity the erased customer was known by. */
    public record Identity(String kind, String value) {
    }

    /** Why this event cannot be applied, or empty if it can. */
    public Optional<String> invalidity() {
        if (erasureId == null || tenant == null || profileId == null || erasedAt == null) {
            return Optional.of("no erasureId, tenant, profileId or erasedAt");
        }
        if (identities == null || identities.stream().anyMatch(identity -> identity == null
                || identity.kind() == null || identity.value() == null)) {
            return Optional.of("identities missing or incomplete");
        }
        return Optional.empty();
    }
}
