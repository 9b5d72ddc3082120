package io.hearken.chaos;

import io.hearken.common.security.GatewayCredentials;

import java.time.Clock;
import java.time.Duration;

/**
 * Prints a gateway credential for benchmarks that call a service directly (wrk cannot sign one per request):
 * {@code SignCredential <service> tenant <tenant> <seconds>} for a caller of that tenant,
 * {@code SignCredential <service> respondent <public resource> <seconds>} for a respondent; the key from
 * {@code HEARKEN_CREDENTIAL_KEY}. It lives at most {@link GatewayCredentials#MAX_LIFETIME}, like any credential the
 * services admit.
 */
public final class SignCredential {

    private SignCredential() {
    }

    public static void main(String[] args) {
        if (args.length != 4 || !args[1].equals("tenant") && !args[1].equals("respondent")) {
            System.err.println("usage: SignCredential <service> tenant|respondent <tenant|resource> <seconds>");
            System.exit(2);
        }
        GatewayCredentials credentials = credentials(Duration.ofSeconds(Long.parseLong(args[3])));
        System.out.println(args[1].equals("tenant") ? credentials.signForCaller(args[0], args[2], "admin:bench")
                : credentials.signForRespondent(args[0], args[2]));
    }

    /** Signs with the run's key, from the environment the launcher gives the benchmarks. */
    static GatewayCredentials credentials(Duration lifetime) {
        String key = System.getenv("HEARKEN_CREDENTIAL_KEY");
        if (key == null) {
            throw new IllegalStateException("HEARKEN_CREDENTIAL_KEY is not set: run through ./hearken");
        }
        return new GatewayCredentials(key, lifetime, Clock.systemUTC());
    }
}
