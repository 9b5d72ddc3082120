package io.hearken.survey.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signature an SMS provider puts on its webhook in the scheme Twilio documents for {@code X-Twilio-Signature}, so
 * that an inbound SMS is taken as an answer only when the provider sent it: base64 of HMAC-SHA1, keyed with the
 * account's auth token, over the full URL the provider called followed by every form parameter's name and value,
 * parameters in order of name. Where the documentation is silent, this follows Twilio's own validators: a name sent
 * with several values contributes each distinct value once, in sorted order, so the order a form parser keeps them in
 * does not matter; and because Twilio signs some requests with the default port in the URL ({@code :443}) and some
 * without, {@link #verify} accepts either form. The URL must be the public one the provider was configured with,
 * query string included — behind a proxy, not the one the service sees. Only form posts are covered; JSON bodies that
 * Twilio signs through a {@code bodySHA256} query parameter are not.
 */
public final class SmsSignature {

    private static final String ALGORITHM = "HmacSHA1";

    private SmsSignature() {
    }

    /**
     * The signature the provider would send for a form post of {@code formParameters} to {@code url}. A null map is a
     * request without a form body.
     */
    public static String sign(String authToken, String url, Map<String, List<String>> formParameters) {
        requireTokenAndUrl(authToken, url);
        StringBuilder signed = new StringBuilder(url);
        // Names in String order: UTF-16 order, the same as byte order for the ASCII names providers send.
        new TreeMap<>(formParameters == null ? Map.of() : formParameters).forEach((name, values) -> {
            for (String value : distinctSorted(values)) {
                signed.append(name).append(value);
            }
        });
        return Base64.getEncoder().encodeToString(hmac(authToken, signed.toString()));
    }

    /**
     * Whether {@code signatureHeader} is the provider's signature of this request; false when it is missing or blank.
     * The comparison takes the same time wherever the header first differs, so it cannot be guessed byte by byte.
     */
    public static boolean verify(String authToken, String url, Map<String, List<String>> formParameters,
                                 String signatureHeader) {
        requireTokenAndUrl(authToken, url);
        byte[] presented = signatureHeader == null ? new byte[0]
                : signatureHeader.strip().getBytes(StandardCharsets.UTF_8);
        boolean matches = false;
        for (String variant : withAndWithoutDefaultPort(url)) {
            byte[] expected = sign(authToken, variant, formParameters).getBytes(StandardCharsets.UTF_8);
            // Not short-circuited, so a bad header costs the same as a good one.
            matches |= MessageDigest.isEqual(expected, presented);
        }
        return presented.length > 0 && matches;
    }

    private static void requireTokenAndUrl(String authToken, String url) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("an SMS provider's auth token is required to sign or verify a webhook");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the webhook's URL is part of its signature and is required");
        }
    }

    private static Set<String> distinctSorted(List<String> values) {
        Set<String> distinct = new TreeSet<>();
        if (values != null) {
            // A parameter sent without a value ("Body=") is signed as its name alone.
            values.forEach(value -> distinct.add(value == null ? "" : value));
        }
        return distinct;
    }

    /**
     * {@code url} as given, followed by the same URL with its scheme's default port added when it has none, or removed
     * when it has it. A URL that does not parse, or is neither http nor https, is only tried as given.
     */
    private static List<String> withAndWithoutDefaultPort(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String authority = uri.getRawAuthority();
            int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
            String prefix = scheme + "://";
            if (defaultPort > 0 && authority != null && uri.getHost() != null && url.startsWith(prefix + authority)) {
                String rest = url.substring(prefix.length() + authority.length());
                if (uri.getPort() == -1) {
                    variants.add(prefix + authority + ":" + defaultPort + rest);
                } else if (authority.endsWith(":" + defaultPort)) {
                    String withoutPort = authority.substring(0, authority.length() - (":" + defaultPort).length());
                    variants.add(prefix + withoutPort + rest);
                }
            }
        } catch (URISyntaxException unparseable) {
            // The URL as given is still tried; only its variants are lost.
        }
        return new ArrayList<>(variants);
    }

    private static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java platform is required to provide HmacSHA1.
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
