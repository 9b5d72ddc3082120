package io.hearken.profile.domain;

import java.util.Comparator;

/** One normalised identifier of a customer: its kind and value ("email", "mika@example.com"). */
public record Identity(IdentityKind kind, String value) {

    /** Strongest kind first, then by value, so that every caller takes locks and decisions in one order. */
    public static final Comparator<Identity> STRONGEST_FIRST = Comparator.comparing(Identity::kind)
            .thenComparing(Identity::value);

    /** The identity, or {@link InvalidIdentityException} naming {@code field} when the value cannot be one. */
    public static Identity of(IdentityKind kind, String raw, String field) {
        IdentityKind.Normalised normalised = kind.normalise(raw);
        if (!normalised.isValid()) {
            throw new InvalidIdentityException(field, normalised.problem());
        }
        return new Identity(kind, normalised.value());
    }

    /** A key unique per kind and value, for sets and hashes. */
    public String key() {
        return kind.wireName() + ":" + value;
    }
}
