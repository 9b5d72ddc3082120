package io.hearken.webhook.service;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.config.InboundConfig;
import io.hearken.webhook.domain.InboundSource;
import io.hearken.webhook.domain.WebhookSecret;
import io.hearken.webhook.repository.InboundSourceRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Registering, reading, rotating and deleting inbound sources, as their tenant's admins and partners do. A source the
 * caller may not see ({@link InboundSource#isVisibleTo}: another tenant's, another partner's) is 404 like one that
 * does not exist, so its existence is not revealed either.
 */
@ApplicationScoped
public class InboundSourceService {

    private static final String ADMIN = "admin";
    private static final String WHAT = "Inbound source";

    private final InboundSourceRepository sources;
    private final InboundConfig config;

    public InboundSourceService(InboundSourceRepository sources, InboundConfig config) {
        this.sources = sources;
        this.config = config;
    }

    /** A new source of the caller's, signing with {@code secret} or a fresh one; 409 when its name is taken. */
    public Uni<InboundSource> register(String tenant, String caller, String name, String description,
                                       Optional<WebhookSecret> secret) {
        InboundSource source = InboundSource.register(tenant, caller, name, description,
                secret.orElseGet(WebhookSecret::generate), Instant.now());
        return sources.insert(source).map(inserted -> {
            if (!inserted) {
                throw ProblemException.conflict("This workspace has an inbound source named '" + name
                        + "' already: its feedback would mix with this one's. Choose another name.");
            }
            Log.infof("Inbound source %s (%s) registered in tenant %s by %s", source.id(), name, tenant, caller);
            return source;
        });
    }

    /** The tenant's sources an admin sees, or the caller's own. */
    /** A page of the sources the caller may see, oldest first, after {@code afterCreated}/{@code afterId}. */
    public Uni<List<InboundSource>> list(String tenant, String caller, Instant afterCreated, String afterId,
                                         int limit) {
        return sources.list(tenant, ADMIN.equals(CallerHeader.role(caller)) ? Optional.empty() : Optional.of(caller),
                afterCreated, afterId, limit);
    }

    public Uni<InboundSource> get(String tenant, String caller, String id) {
        return visible(tenant, caller, id);
    }

    /**
     * The source signing with {@code next} (or a fresh secret) from now, its current secret still verifying for
     * {@code overlap} (the configured default when null); 409 when another rotation of it came first.
     */
    public Uni<InboundSource> rotate(String tenant, String caller, String id, Duration overlap,
                                     Optional<WebhookSecret> next) {
        Duration kept = overlap == null ? config.secretOverlap() : overlap;
        if (kept.isNegative() || kept.compareTo(config.maxSecretOverlap()) > 0) {
            return Uni.createFrom().failure(ProblemException.invalidField("overlap",
                    "must be a duration from PT0S to " + config.maxSecretOverlap()));
        }
        return visible(tenant, caller, id).chain(source -> {
            InboundSource rotated = source.rotated(next.orElseGet(WebhookSecret::generate), kept, Instant.now());
            return sources.saveSecrets(rotated, source.secret()).map(saved -> {
                if (!saved) {
                    throw ProblemException.conflict("The secret of inbound source '" + id
                            + "' was rotated or the source deleted meanwhile; read it and rotate again if need be.");
                }
                Log.infof("Inbound source %s of tenant %s: secret rotated by %s, the previous one verifying %s more",
                        id, tenant, caller, kept);
                return rotated;
            });
        });
    }

    public Uni<Void> delete(String tenant, String caller, String id) {
        return visible(tenant, caller, id).chain(source -> sources.delete(source.id())).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound(WHAT, id);
            }
            Log.infof("Inbound source %s deleted from tenant %s by %s", id, tenant, caller);
            return null;
        });
    }

    private Uni<InboundSource> visible(String tenant, String caller, String id) {
        if (!InboundSource.isWellFormedId(id)) {
            return Uni.createFrom().failure(ProblemException.notFound(WHAT, id));
        }
        return sources.find(id).map(found -> found.filter(source -> source.isVisibleTo(tenant, caller))
                .orElseThrow(() -> ProblemException.notFound(WHAT, id)));
    }
}
