package io.hearken.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.domain.InboundSource;
import io.hearken.webhook.domain.WebhookSecret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The shapes of the inbound-source API and the one mapping between them and {@link InboundSource}. */
public final class InboundSourceViews {

    private InboundSourceViews() {
    }

    /** Registering a source: its name (the feedback source its messages become), and optionally its secret. */
    public record RegisterRequest(
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                    message = "must be 1 to 32 lower-case letters, digits or '-', starting with a letter or digit "
                            + "(trustpilot, zendesk, app-store): the feedback source its messages become")
            String name,
            @Size(max = 500) String description,
            @Size(max = 200) String secret) {
    }

    /** Rotating a source's secret: how long the current one keeps verifying (ISO 8601), and optionally the new one. */
    public record RotateRequest(Duration overlap, @Size(max = 200) String secret) {
    }

    /**
     * A source as its owner and admins see it: the secret only in the answer that set it (registration, rotation),
     * {@code previousSecretUntil} while a rotated-out secret still verifies.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InboundSourceView(String id, String name, String description, String owner, String path,
                                    String secret, Instant previousSecretUntil, Instant createdAt,
                                    Instant updatedAt) {
    }

    static InboundSourceView of(InboundSource source) {
        return view(source, null);
    }

    static InboundSourceView withSecret(InboundSource source) {
        return view(source, source.secret().text());
    }

    /** A secret the caller chose, or the problem naming {@code field}. */
    static Optional<WebhookSecret> secret(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(WebhookSecret.parse(text));
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.invalidField("secret", invalid.getMessage()
                    + " (whsec_ and the base64 of 24 to 64 random bytes; leave it out to have one generated)");
        }
    }

    private static InboundSourceView view(InboundSource source, String secret) {
        Instant previousUntil = source.previousSecretUntil() != null
                && source.previousSecretUntil().isAfter(Instant.now()) ? source.previousSecretUntil() : null;
        return new InboundSourceView(source.id(), source.name(), source.description(), source.owner(),
                source.publicPath(), secret, previousUntil, source.createdAt(), source.updatedAt());
    }
}
