package io.hearken.profile.service;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.profile.domain.IdentityKind;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Normalises identifiers, so that "Mika@Example.com " and "mika@example.com" are the same customer. */
public final class Identities {

    private Identities() {
    }

    public static String normalise(IdentityKind kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (kind) {
            case EMAIL -> value.trim().toLowerCase(Locale.ROOT);
            case PHONE -> value.replaceAll("[\\s()-]", "");
            case CUSTOMER_ID -> value.trim();
        };
    }

    /** The identities a response names, strongest first (customer id, email, phone). */
    public static Map<IdentityKind, String> of(ResponseSubmitted.Respondent respondent) {
        Map<IdentityKind, String> identities = new LinkedHashMap<>();
        if (respondent == null) {
            return identities;
        }
        put(identities, IdentityKind.CUSTOMER_ID, respondent.customerId());
        put(identities, IdentityKind.EMAIL, respondent.email());
        put(identities, IdentityKind.PHONE, respondent.phone());
        return identities;
    }

    private static void put(Map<IdentityKind, String> identities, IdentityKind kind, String raw) {
        String value = normalise(kind, raw);
        if (value != null) {
            identities.put(kind, value);
        }
    }
}
