package io.hearken.profile.rest;

import io.hearken.common.http.CallerHeader;

/** What the gateway's caller header means here: the source an identity or touchpoint is recorded with. */
final class Callers {

    private Callers() {
    }

    /** {@code partner-api} for a partner, {@code admin-api} for anyone else the gateway let through. */
    static String source(String caller) {
        return "partner".equals(CallerHeader.role(caller)) ? "partner-api" : "admin-api";
    }
}
