package io.hearken.gateway.routing;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the public API: which requests it matches, which service answers them, and who may call it.
 * An empty {@code rolesAllowed} means public (no login); otherwise the caller needs one of the roles.
 */
public record ApiRoute(String name, Set<String> methods, Pattern path, Upstream upstream, Set<String> rolesAllowed) {

    public boolean isPublic() {
        return rolesAllowed.isEmpty();
    }

    public boolean matches(String method, String requestPath) {
        return methods.contains(method) && path.matcher(requestPath).matches();
    }
}
