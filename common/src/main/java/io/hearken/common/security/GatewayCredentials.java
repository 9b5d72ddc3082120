package io.hearken.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Signs and verifies {@link GatewayCredential}s as compact JWTs (RFC 7519) with HMAC-SHA256: the gateway signs one
 * per request it relays, for the service it relays to; a service verifies it before it reads a tenant. Only
 * {@code HS256} with this key is accepted: a token with {@code alg: none}, another algorithm, another audience, a
 * lifetime longer than {@link #MAX_LIFETIME} or an expiry in the past is refused, whatever it claims.
 */
@Singleton
public class GatewayCredentials {

    /** The header a credential travels in, hop by hop; the gateway drops any copy a client sends. */
    public static final String HEADER = "X-Hearken-Credential";
    /** Longest lifetime a credential may claim, so a leaked one is soon worthless (benchmarks sign for minutes). */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
    static final String ISSUER = "hearken-gateway";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final int MIN_KEY_LENGTH = 32;
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String HEADER_SEGMENT = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration lifetime;
    private final Clock clock;
    /** One MAC per key and thread: the signing key's first, then the other keys admitted during a rotation. */
    private final List<ThreadLocal<Mac>> macs;

    @Inject
    public GatewayCredentials(GatewayCredentialConfig config) {
        this(config.key(), config.acceptedKeys().orElse(List.of()), config.lifetime(), Clock.systemUTC());
    }

    public GatewayCredentials(String key, Duration lifetime, Clock clock) {
        this(key, List.of(), lifetime, clock);
    }

    public GatewayCredentials(String key, List<String> acceptedKeys, Duration lifetime, Clock clock) {
        if (lifetime.compareTo(MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a credential lives between 1 s and " + MAX_LIFETIME);
        }
        List<ThreadLocal<Mac>> keyed = new ArrayList<>();
        for (String each : Stream.concat(Stream.of(key), acceptedKeys.stream()).toList()) {
            if (each == null || each.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("hearken.credential.key (HEARKEN_CREDENTIAL_KEY) and every "
                        + "accepted key must have at least " + MIN_KEY_LENGTH + " characters");
            }
            SecretKeySpec spec = new SecretKeySpec(each.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            keyed.add(ThreadLocal.withInitial(() -> newMac(spec)));
        }
        this.lifetime = lifetime;
        this.clock = clock;
        this.macs = List.copyOf(keyed);
    }

    /** A caller's credential for {@code audience}, valid for the configured lifetime from now. */
    public String signForCaller(String audience, String tenant, String caller) {
        Instant now = clock.instant();
        return sign(GatewayCredential.forCaller(audience, tenant, caller, now, now.plus(lifetime)));
    }

    /** A respondent's credential for {@code audience} that opens {@code resource} only. */
    public String signForRespondent(String audience, String resource) {
        Instant now = clock.instant();
        return sign(GatewayCredential.forRespondent(audience, resource, now, now.plus(lifetime)));
    }

    public String sign(GatewayCredential credential) {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("aud", credential.audience())
                .put("iat", credential.issuedAt().getEpochSecond())
                .put("exp", credential.expiresAt().getEpochSecond());
        if (credential.isRespondent()) {
            claims.put("res", credential.resource());
        } else {
            claims.put("tenant", credential.tenant());
            claims.put("sub", credential.caller());
        }
        String signed = HEADER_SEGMENT + "." + encode(bytes(claims));
        return signed + "." + encode(mac(signed));
    }

    /**
     * The credential {@code token} carries when it is one this key signed for {@code audience} and is valid now.
     *
     * @throws InvalidCredentialException with the reason (for logs, never for the caller)
     */
    public GatewayCredential verify(String token, String audience) throws InvalidCredentialException {
        if (token == null || token.isBlank()) {
            throw new InvalidCredentialException("no credential");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidCredentialException("not a compact JWT");
        }
        checkHeader(parts[0]);
        byte[] signature = decode(parts[2]);
        if (!signedByAKeyWeAdmit(signature, parts[0] + "." + parts[1])) {
            throw new InvalidCredentialException("bad signature");
        }
        JsonNode claims = parse(decode(parts[1]));
        if (!ISSUER.equals(text(claims, "iss")) || !audience.equals(text(claims, "aud"))) {
            throw new InvalidCredentialException("issued by " + text(claims, "iss") + " for " + text(claims, "aud"));
        }
        Instant issuedAt = instant(claims, "iat");
        Instant expiresAt = instant(claims, "exp");
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now.minus(CLOCK_SKEW)) || issuedAt.isAfter(now.plus(CLOCK_SKEW))
                || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidCredentialException("expired or outside its lifetime");
        }
        String resource = text(claims, "res");
        if (resource != null) {
            return GatewayCredential.forRespondent(audience, resource, issuedAt, expiresAt);
        }
        String tenant = text(claims, "tenant");
        String caller = text(claims, "sub");
        if (tenant == null || tenant.isBlank() || caller == null || caller.isBlank()) {
            throw new InvalidCredentialException("neither a respondent's resource nor a caller's tenant");
        }
        return GatewayCredential.forCaller(audience, tenant, caller, issuedAt, expiresAt);
    }

    private static void checkHeader(String segment) throws InvalidCredentialException {
        JsonNode header = parse(decode(segment));
        if (!"HS256".equals(text(header, "alg"))) {
            throw new InvalidCredentialException("algorithm " + text(header, "alg"));
        }
    }

    private static JsonNode parse(byte[] json) throws InvalidCredentialException {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidCredentialException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidCredentialException("not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(JsonNode claims, String field) throws InvalidCredentialException {
        JsonNode value = claims.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new InvalidCredentialException("no " + field);
        }
        return Instant.ofEpochSecond(value.asLong());
    }

    private static byte[] decode(String segment) throws InvalidCredentialException {
        try {
            return BASE64URL_DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialException("not base64url");
        }
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static byte[] bytes(ObjectNode claims) {
        try {
            return JSON.writeValueAsBytes(claims);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the signing key. */
    private byte[] mac(String signed) {
        return macs.get(0).get().doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean signedByAKeyWeAdmit(byte[] signature, String signed) {
        byte[] bytes = signed.getBytes(StandardCharsets.US_ASCII);
        for (ThreadLocal<Mac> mac : macs) {
            if (MessageDigest.isEqual(signature, mac.get().doFinal(bytes))) {
                return true;
            }
        }
        return false;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
