package io.hearken.profile.domain;

import java.util.List;

/**
 * What an event or a call says about who the customer is: its identities, how far they can be trusted, and the
 * source that said so ({@code invitation}, {@code response-form}, {@code admin-api}, {@code partner-api},
 * {@code import}).
 */
public record IdentityClaim(List<Identity> identities, Trust trust, String source) {

    public IdentityClaim {
        identities = identities.stream().distinct().sorted(Identity.STRONGEST_FIRST).toList();
    }

    public boolean isEmpty() {
        return identities.isEmpty();
    }
}
