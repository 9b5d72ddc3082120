package io.hearken.webhook.domain;

import io.hearken.common.http.CallerHeader;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a partner's signed feedback comes in: registered in a tenant by an admin or a partner ({@code owner},
 * {@code role:subject}), named after the feedback source its messages become ({@code trustpilot}), and reached at a
 * path with its {@code id}, which is unguessable, so that the path alone tells nothing and the secret alone opens
 * nothing. During a rotation the previous secret keeps verifying until {@code previousSecretUntil}, so a partner can
 * switch without a refused message.
 */
public record InboundSource(String id, String tenant, String owner, String name, String description,
                            WebhookSecret secret, WebhookSecret previousSecret, Instant previousSecretUntil,
                            Instant createdAt, Instant updatedAt) {

    /** The id's prefix; 26 base32 characters (128 random bits) follow. */
    public static final String ID_PREFIX = "src_";
    /** What survey-service takes as a feedback source: the name must be one, or nothing could be forwarded. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern ID = Pattern.compile(ID_PREFIX + "[a-z2-7]{26}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int ID_BITS = 128;
    private static final String ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    public InboundSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        description = description == null ? "" : description;
        if ((previousSecret == null) != (previousSecretUntil == null)) {
            throw new IllegalArgumentException("a previous secret goes with the time it verifies until");
        }
    }

    /** A new source with a fresh id, registered now by {@code owner}. */
    public static InboundSource register(String tenant, String owner, String name, String description,
                                         WebhookSecret secret, Instant now) {
        return new InboundSource(newId(), tenant, owner, name, description, secret, null, null, now, now);
    }

    /** {@code src_} and 128 random bits, lower-case base32: safe in a path, too many to guess. */
    public static String newId() {
        byte[] bits = new byte[ID_BITS / 8];
        RANDOM.nextBytes(bits);
        StringBuilder id = new StringBuilder(ID_PREFIX);
        int buffer = 0;
        int buffered = 0;
        for (byte each : bits) {
            buffer = (buffer << 8) | (each & 0xff);
            buffered += 8;
            while (buffered >= 5) {
                id.append(BASE32[(buffer >> (buffered - 5)) & 31]);
                buffered -= 5;
            }
        }
        if (buffered > 0) {
            id.append(BASE32[(buffer << (5 - buffered)) & 31]);
        }
        return id.toString();
    }

    /** Whether {@code id} could be a source's id; anything else is not looked up. */
    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** An admin of the tenant sees every source of it; anyone else only the sources it registered. */
    public boolean isVisibleTo(String tenant, String caller) {
        return this.tenant.equals(tenant) && (ADMIN.equals(CallerHeader.role(caller)) || owner.equals(caller));
    }

    /** The secrets a message may be signed with at {@code now}: the current one, and the previous during overlap. */
    public List<WebhookSecret> secretsAcceptedAt(Instant now) {
        if (previousSecret != null && now.isBefore(previousSecretUntil)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    /** Whether {@code message} was signed for this source with a secret it accepts at {@code now}. */
    public WebhookSignature.Verdict verify(InboundMessage message, Instant now, Duration tolerance) {
        return WebhookSignature.verify(secretsAcceptedAt(now), message.id(), message.timestamp(),
                message.signature(), message.payload(), now, tolerance);
    }

    /**
     * This source signing with {@code next} from {@code now}, the current secret still verifying for
     * {@code overlap} (none when zero). A secret already replaced once is dropped, even if its overlap had not run
     * out: a source accepts at most two secrets.
     */
    public InboundSource rotated(WebhookSecret next, Duration overlap, Instant now) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        boolean keepsPrevious = !overlap.isZero();
        return new InboundSource(id, tenant, owner, name, description, next, keepsPrevious ? secret : null,
                keepsPrevious ? now.plus(overlap) : null, createdAt, now);
    }

    /** The path partners post to, as the gateway publishes it. */
    public String publicPath() {
        return "/api/v1/public/inbound/" + id;
    }
}
