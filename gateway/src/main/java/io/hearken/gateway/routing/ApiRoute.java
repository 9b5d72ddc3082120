package io.hearken.gateway.routing;

import io.hearken.gateway.client.Upstream;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the public API: which requests it matches, which service answers them, and who may call it.
 * An empty {@code rolesAllowed} means public (no login); otherwise the caller needs one of the roles.
 * {@code prefix} is the fixed start of every path the route matches (e.g. {@code /v1/surveys}): a {@code ..} in a
 * request may step back within it but never out of it.
 */
public record ApiRoute(String name, Set<String> methods, String prefix, Pattern path, Upstream upstream,
                       Set<String> rolesAllowed) {

    /**
     * What the request metrics call this route's requests ({@code uri} tag): one series per route, never one per
     * survey or profile id in a path.
     */
    public String metricsTemplate() {
        return "/api" + prefix + "/{" + name + "}";
    }

    public boolean isPublic() {
        return rolesAllowed.isEmpty();
    }

    public boolean matches(String method, String requestPath) {
        return methods.contains(method) && path.matcher(requestPath).matches();
    }

    /** Whether the route takes many records at once (its name ends in "batch"), and so a larger body. */
    public boolean takesBatches() {
        return name.endsWith("batch");
    }

    /**
     * Whether the route's answer is a stream that stays open (its name starts with "live": server-sent events), so
     * the gateway passes it on as it comes instead of reading it whole within a deadline.
     */
    public boolean streams() {
        return name.startsWith("live");
    }

    /** How many path segments the prefix has ({@code /v1/surveys}: 2). */
    public int prefixSegments() {
        return (int) prefix.chars().filter(c -> c == '/').count();
    }
}
