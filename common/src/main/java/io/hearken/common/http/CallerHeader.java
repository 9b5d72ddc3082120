package io.hearken.common.http;

/**
 * The header by which the gateway tells a service who made an authenticated call: {@code role:subject}, the role
 * the route was allowed by (admin, analyst, agent, partner) and the token's subject. Services record it as the
 * actor of what they keep (a consent decision, a merge, an erasure) and as the source of what a partner sent. Like
 * {@link TenantHeader}, only the gateway sets it.
 */
public final class CallerHeader {

    public static final String NAME = "X-Hearken-Caller";

    private CallerHeader() {
    }

    /** The role part of a caller ({@code admin} of {@code admin:5f1c...}), or null. */
    public static String role(String caller) {
        if (caller == null || caller.indexOf(':') < 1) {
            return null;
        }
        return caller.substring(0, caller.indexOf(':'));
    }
}
