package io.hearken.profile.domain;

/** The kinds of identifier by which a customer can be recognised. */
public enum IdentityKind {
    EMAIL, PHONE, CUSTOMER_ID;

    public String column() {
        return name().toLowerCase();
    }
}
