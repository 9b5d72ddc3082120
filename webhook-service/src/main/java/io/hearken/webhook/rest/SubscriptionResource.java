package io.hearken.webhook.rest;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.NextPageLink;
import io.hearken.common.page.Page;
import io.hearken.common.page.PageCursor;
import io.hearken.common.problem.ProblemException;
import io.hearken.webhook.domain.DeliveryState;
import io.hearken.webhook.domain.EventType;
import io.hearken.webhook.repository.DeliveryLogRepository;
import io.hearken.webhook.service.SubscriptionService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions of the caller's tenant (docs/webhooks.md): an admin manages every one, a partner only those
 * it created; any other, or another tenant's, is 404. Each has its delivery log (messages and attempts),
 * redelivery of one message or of everything since a time, a test send, and secret rotation.
 */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class SubscriptionResource {

    private static final String SUBSCRIPTIONS = "subscriptions";
    private static final String MESSAGES = "messages";
    private static final String ATTEMPTS = "attempts";
    /** A message's own attempts, shown with it in full: retries end long before this many. */
    private static final int MESSAGE_ATTEMPTS = 200;

    private final SubscriptionService service;
    private final DeliveryLogRepository log;

    public SubscriptionResource(SubscriptionService service, DeliveryLogRepository log) {
        this.service = service;
        this.log = log;
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "The event types a subscription can listen to")
    public SubscriptionViews.EventTypeList eventTypes() {
        return new SubscriptionViews.EventTypeList(Arrays.stream(EventType.values())
                .map(type -> new SubscriptionViews.EventTypeView(type.wireName(), type.description())).toList());
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint", description = "201 with the subscription and its secret (whsec_, "
            + "generated unless given). 400 naming the field: a URL that is not https (or http where allowed), "
            + "has credentials, or whose host resolves to a loopback, private, link-local or metadata address; an "
            + "unknown event type; a malformed secret.")
    public Uni<Response> create(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                SubscriptionViews.SubscriptionRequest request, @Context UriInfo uri) {
        return service.create(tenant, caller, SubscriptionViews.newSubscription(request, service.httpsOnly()))
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(SubscriptionViews.view(created, true)).build());
    }

    @GET
    @Path("/subscriptions")
    @Operation(summary = "The subscriptions the caller may manage, oldest first",
            description = "Keyset pages: limit 1-500 (default 50); pass the previous page's 'next' as 'after'.")
    public Uni<Page<SubscriptionViews.SubscriptionView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                              @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                              @QueryParam("after") String after,
                                                              @QueryParam("limit") String limit) {
        int size = Page.limit(limit, Page.MAX_LIMIT);
        Optional<PageCursor> position = PageCursor.read(SUBSCRIPTIONS, after, 2);
        return service.list(tenant, caller, position.map(cursor -> cursor.instant(0)).orElse(null),
                        position.map(cursor -> cursor.uuid(1)).orElse(null), size + 1)
                .map(found -> Page.of(found, size, subscription -> SubscriptionViews.view(subscription, false),
                        last -> PageCursor.of(SUBSCRIPTIONS, last.createdAt(), last.id())));
    }

    @GET
    @Path("/subscriptions/{id}")
    @Operation(summary = "One subscription, with its status and failure count")
    public Uni<SubscriptionViews.SubscriptionView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                       @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                       @PathParam("id") String id) {
        return service.get(tenant, caller, id(id)).map(found -> SubscriptionViews.view(found, false));
    }

    @PATCH
    @Path("/subscriptions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a subscription", description = "Only the fields given. enabled=true re-enables a "
            + "disabled endpoint (its pending deliveries resume; dead ones need a redelivery); enabled=false stops "
            + "deliveries until it is enabled again.")
    public Uni<SubscriptionViews.SubscriptionView> update(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                          @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                          @PathParam("id") String id,
                                                          SubscriptionViews.SubscriptionChange change) {
        return service.update(tenant, caller, id(id), SubscriptionViews.change(change, service.httpsOnly()))
                .map(updated -> SubscriptionViews.view(updated, false));
    }

    @DELETE
    @Path("/subscriptions/{id}")
    @Operation(summary = "Delete a subscription, its schedule and its log")
    public Uni<Response> delete(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @HeaderParam(CallerHeader.NAME) @NotBlank String caller, @PathParam("id") String id) {
        return service.delete(tenant, caller, id(id)).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/subscriptions/{id}/secret")
    @Operation(summary = "The signing secret, and until when the previous one still signs")
    public Uni<SubscriptionViews.SecretView> secret(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                    @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                    @PathParam("id") String id) {
        return service.get(tenant, caller, id(id)).map(SubscriptionViews::secretView);
    }

    @POST
    @Path("/subscriptions/{id}/secret/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate the signing secret", description = "A new secret (generated unless given) signs "
            + "from now on; the previous one signs too for the overlap (default 24 h, at most P7D), so every "
            + "webhook-signature carries both until then.")
    public Uni<SubscriptionViews.SecretView> rotate(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                    @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                    @PathParam("id") String id,
                                                    SubscriptionViews.RotateRequest request) {
        return service.rotateSecret(tenant, caller, id(id), SubscriptionViews.secret(request),
                SubscriptionViews.overlap(request)).map(SubscriptionViews::secretView);
    }

    @POST
    @Path("/subscriptions/{id}/test")
    @Operation(summary = "Send a test message now", description = "Type webhook.test, tried once and never counted "
            + "toward disabling the endpoint; answers with the attempt once it is made (or the pending delivery "
            + "after the attempt timeout). 409 when the subscription is disabled.")
    public Uni<SubscriptionViews.MessageView> test(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                   @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                   @PathParam("id") String id) {
        UUID subscription = id(id);
        return service.testSend(tenant, caller, subscription)
                .chain(delivered -> withAttempts(subscription, delivered));
    }

    @GET
    @Path("/subscriptions/{id}/messages")
    @Operation(summary = "The delivery log: messages sent to this endpoint, newest first",
            description = "state=pending|succeeded|dead filters (dead letters: state=dead). Keyset pages: limit "
                    + "1-500 (default 50); pass the previous page's 'next' as 'after' ('cursor', its older name, is "
                    + "deprecated and still accepted).")
    public Uni<Page<SubscriptionViews.DeliveryView>> messages(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                              @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                              @PathParam("id") String id,
                                                              @QueryParam("state") String state,
                                                              @QueryParam("after") String after,
                                                              @Parameter(deprecated = true)
                                                              @QueryParam(NextPageLink.DEPRECATED_AFTER) String cursor,
                                                              @QueryParam("limit") String limit) {
        UUID subscription = id(id);
        DeliveryState filter = state(state);
        int size = Page.limit(limit, Page.MAX_LIMIT);
        Optional<PageCursor> position = PageCursor.read(MESSAGES, after != null ? after : cursor, 2);
        return service.get(tenant, caller, subscription)
                .chain(found -> log.deliveries(subscription, filter,
                        position.map(at -> at.instant(0)).orElse(null), position.map(at -> at.text(1)).orElse(null),
                        size + 1))
                .map(found -> Page.of(found, size, SubscriptionViews::view,
                        last -> PageCursor.of(MESSAGES, last.createdAt(), last.messageId())));
    }

    @GET
    @Path("/subscriptions/{id}/messages/{messageId}")
    @Operation(summary = "One message: its delivery, the exact payload sent, and every attempt")
    public Uni<SubscriptionViews.MessageView> message(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                      @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                      @PathParam("id") String id,
                                                      @PathParam("messageId") String messageId) {
        UUID subscription = id(id);
        return service.get(tenant, caller, subscription)
                .chain(found -> log.message(subscription, messageId))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Message", messageId)))
                .chain(delivered -> withAttempts(subscription, delivered));
    }

    @POST
    @Path("/subscriptions/{id}/messages/{messageId}/redeliver")
    @Operation(summary = "Send one message again", description = "Now, with a fresh retry schedule and the same "
            + "webhook-id. 202.")
    public Uni<Response> redeliver(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                   @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                   @PathParam("id") String id, @PathParam("messageId") String messageId) {
        return service.redeliver(tenant, caller, id(id), messageId).replaceWith(Response.accepted().build());
    }

    @POST
    @Path("/subscriptions/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send again everything since a time", description = "{since, onlyFailed}: the dead "
            + "deliveries since then (onlyFailed, the default), or every message of the subscription's types since "
            + "then, including those stored while it was disabled. 202 with the number scheduled.")
    public Uni<Response> redeliverSince(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                        @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                        @PathParam("id") String id, SubscriptionViews.RedeliverRequest request) {
        if (request == null || request.since() == null) {
            throw ProblemException.invalidField("since", "is required (an ISO-8601 instant)");
        }
        return service.redeliverSince(tenant, caller, id(id), request.since(),
                        !Boolean.FALSE.equals(request.onlyFailed()))
                .map(count -> Response.accepted(new SubscriptionViews.Scheduled(count)).build());
    }

    @GET
    @Path("/subscriptions/{id}/attempts")
    @Operation(summary = "Every attempt to this endpoint, newest first",
            description = "Status, latency, the start of the answer, or why none came. Keyset pages: limit 1-500 "
                    + "(default 50); pass the previous page's 'next' as 'after' ('cursor', its older name, is "
                    + "deprecated and still accepted).")
    public Uni<Page<SubscriptionViews.AttemptView>> attempts(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                             @HeaderParam(CallerHeader.NAME) @NotBlank String caller,
                                                             @PathParam("id") String id,
                                                             @QueryParam("after") String after,
                                                             @Parameter(deprecated = true)
                                                             @QueryParam(NextPageLink.DEPRECATED_AFTER) String cursor,
                                                             @QueryParam("limit") String limit) {
        UUID subscription = id(id);
        int size = Page.limit(limit, Page.MAX_LIMIT);
        Long before = PageCursor.read(ATTEMPTS, after != null ? after : cursor, 1).map(at -> at.number(0))
                .orElse(null);
        return service.get(tenant, caller, subscription)
                .chain(found -> log.attempts(subscription, null, before, size + 1))
                .map(found -> Page.of(found, size, SubscriptionViews::view,
                        last -> PageCursor.of(ATTEMPTS, last.id())));
    }

    private Uni<SubscriptionViews.MessageView> withAttempts(UUID subscription,
                                                            DeliveryLogRepository.DeliveredMessage delivered) {
        return log.attempts(subscription, delivered.delivery().messageId(), null, MESSAGE_ATTEMPTS)
                .map(attempts -> new SubscriptionViews.MessageView(SubscriptionViews.view(delivered.delivery()),
                        delivered.payload(), attempts.stream().map(SubscriptionViews::view).toList()));
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notUuid) {
            throw ProblemException.notFound("Subscription", id);
        }
    }

    private static DeliveryState state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return DeliveryState.fromStored(state);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField("state", "must be pending, succeeded or dead");
        }
    }
}
