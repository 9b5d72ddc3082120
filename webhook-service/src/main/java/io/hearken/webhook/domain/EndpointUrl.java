package io.hearken.webhook.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL of a webhook endpoint, checked for form: absolute http(s) (https only, unless the installation allows
 * plain http for local development), a host, no user name or password, no fragment, at most 2,000 characters.
 * Where the host leads is {@link AddressPolicy}'s question, asked when the name is resolved.
 */
public record EndpointUrl(URI uri) {

    public static final int MAX_LENGTH = 2000;

    /** The URL, or {@link IllegalArgumentException} saying what is wrong with it. */
    public static EndpointUrl parse(String text, boolean httpsOnly) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !httpsOnly)) {
            throw new IllegalArgumentException(httpsOnly ? "must be an https URL" : "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
        return new EndpointUrl(uri);
    }

    public boolean secure() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The host without IPv6 brackets, as a resolver takes it. */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** Path and query as sent in the request line. */
    public String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Optional.ofNullable(uri.getRawQuery()).map(query -> path + "?" + query).orElse(path);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
