package io.hearken.common.security;

import java.time.Instant;

/**
 * What the gateway vouches for when it sends a request on to a service: the claims of the short-lived credential in
 * {@link GatewayCredentials#HEADER}. Either a caller's credential, naming the tenant the caller acts for and who the
 * caller is ({@code role:subject}), or a respondent's, naming the one public resource the survey link or invitation
 * opens ({@code /v1/public/surveys/s-1}) and nothing else. A service takes its tenant from here, never from a header a
 * client could write.
 *
 * @param audience the service the credential is for ({@code survey-service}); another service refuses it
 * @param tenant   the caller's tenant; null for a respondent
 * @param caller   {@code role:subject}; null for a respondent
 * @param resource the public path a respondent may reach (and below it); null for a caller
 */
public record GatewayCredential(String audience, String tenant, String caller, String resource, Instant issuedAt,
                                Instant expiresAt) {

    /** Paths under it are the respondents' (no login): the gateway scopes their credential to one resource. */
    public static final String PUBLIC_PREFIX = "/v1/public/";
    private static final int PUBLIC_RESOURCE_SEGMENTS = 4;

    public static GatewayCredential forCaller(String audience, String tenant, String caller, Instant issuedAt,
                                              Instant expiresAt) {
        return new GatewayCredential(audience, tenant, caller, null, issuedAt, expiresAt);
    }

    public static GatewayCredential forRespondent(String audience, String resource, Instant issuedAt,
                                                  Instant expiresAt) {
        return new GatewayCredential(audience, null, null, resource, issuedAt, expiresAt);
    }

    public boolean isRespondent() {
        return resource != null;
    }

    /**
     * Whether this credential opens {@code path} (decoded, normalised): a respondent's only its resource and what lies
     * below it, a caller's every path outside {@code /v1/public/}, which are the respondents'.
     */
    public boolean opens(String path) {
        if (isRespondent()) {
            return path.equals(resource) || path.startsWith(resource + "/");
        }
        return !path.startsWith(PUBLIC_PREFIX) && !(path + "/").equals(PUBLIC_PREFIX);
    }

    /**
     * The resource a respondent's credential for {@code decodedPath} opens: the path's first four segments, the
     * survey, invitation or inbox it names ({@code /v1/public/surveys/s-1} of {@code .../s-1/responses}).
     */
    public static String publicResourceOf(String decodedPath) {
        int end = 0;
        for (int segment = 0; segment < PUBLIC_RESOURCE_SEGMENTS; segment++) {
            end = decodedPath.indexOf('/', end + 1);
            if (end < 0) {
                return decodedPath;
            }
        }
        return decodedPath.substring(0, end);
    }
}
