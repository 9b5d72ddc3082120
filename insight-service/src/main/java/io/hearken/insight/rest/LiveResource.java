package io.hearken.insight.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.insight.domain.LiveUpdate;
import io.hearken.insight.service.LiveFeed;
import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Duration;
import java.time.Instant;

/**
 * Server-sent events for a tenant's live screens (the console's dashboard and case inbox): what changed, as it
 * happens, and a {@code keep-alive} every 15 s so that proxies keep the connection and a viewer notices one that
 * died.
 */
@Path("/v1/live")
@Tag(name = "Live")
public class LiveResource {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final LiveFeed feed;

    public LiveResource(LiveFeed feed) {
        this.feed = feed;
    }

    /**
     * One live update: {@code response.completed} (with its survey), {@code feedback.received},
     * {@code alert.raised}, {@code case.resolved}, or {@code keep-alive}.
     */
    public record LiveView(String type, String surveyId, String id, Instant at) {

        static LiveView of(LiveUpdate update) {
            return new LiveView(update.type(), update.surveyId(), update.id(), update.at());
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "What changes for the tenant, as it happens (server-sent events)",
            description = "Each event's data is a JSON object: type (response.completed, feedback.received, "
                    + "alert.raised, case.resolved, keep-alive every 15 s), surveyId, id, at. Updates name what "
                    + "changed, never what a customer said: read it through the API. Nothing is replayed on "
                    + "reconnecting; read the figures again then.")
    public Multi<LiveView> live(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant) {
        Multi<LiveView> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> new LiveView("keep-alive", null, null, Instant.now()));
        return Multi.createBy().merging().streams(feed.updates(tenant).map(LiveView::of), keepAlive);
    }
}
