package io.hearken.profile.rest;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.NextPageLink;
import io.hearken.common.page.Page;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.ConsentRecord;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.TimelineFilter;
import io.hearken.profile.service.ConsentService;
import io.hearken.profile.service.ProfileService;
import io.hearken.profile.service.TraitService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customer profiles of the tenant the gateway names: look-ups, the timeline, and the changes a trusted caller
 * makes (identities, traits, consent, merges). A merged profile's id answers 308 to its survivor.
 */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class ProfileResource {

    private final ProfileService profiles;
    private final TraitService traits;
    private final ConsentService consents;

    public ProfileResource(ProfileService profiles, TraitService traits, ConsentService consents) {
        this.profiles = profiles;
        this.traits = traits;
        this.consents = consents;
    }

    @GET
    @Operation(summary = "Find a profile by one of its identities",
            description = "Exactly one of customerId, loyaltyId, email, phone or deviceId; the verified holder of the "
                    + "identity if there is one, else the profile that only claimed it.")
    public Uni<ProfileView> find(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @QueryParam("customerId") String customerId,
                                 @QueryParam("loyaltyId") String loyaltyId,
                                 @QueryParam("email") String email,
                                 @QueryParam("phone") String phone,
                                 @QueryParam("deviceId") String deviceId) {
        return profiles.findByIdentity(tenant, one(customerId, loyaltyId, email, phone, deviceId))
                .chain(id -> profiles.details(tenant, id)).map(ProfileView::of);
    }

    @GET
    @Path("/lookup")
    @Operation(summary = "Which profile holds an identity",
            description = "Exactly one of customerId, loyaltyId, email, phone or deviceId: the profile's id, trust and "
                    + "identities, in one database round trip; the whole profile is GET /v1/profiles/{id}.")
    public Uni<SearchResource.ProfileSummary> lookup(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                     @QueryParam("customerId") String customerId,
                                                     @QueryParam("loyaltyId") String loyaltyId,
                                                     @QueryParam("email") String email,
                                                     @QueryParam("phone") String phone,
                                                     @QueryParam("deviceId") String deviceId) {
        return profiles.lookup(tenant, one(customerId, loyaltyId, email, phone, deviceId))
                .map(holder -> new SearchResource.ProfileSummary(holder.profileId(),
                        holder.trust().name().toLowerCase(),
                        holder.identities().stream().map(ProfileView.IdentityView::of).toList()));
    }

    /** The one identity a look-up names, or 400. */
    private static Identity one(String customerId, String loyaltyId, String email, String phone, String deviceId) {
        Map<IdentityKind, String> given = new EnumMap<>(IdentityKind.class);
        put(given, IdentityKind.CUSTOMER_ID, customerId);
        put(given, IdentityKind.LOYALTY_ID, loyaltyId);
        put(given, IdentityKind.EMAIL, email);
        put(given, IdentityKind.PHONE, phone);
        put(given, IdentityKind.DEVICE_ID, deviceId);
        if (given.size() != 1) {
            throw ProblemException.invalidField("email", "give exactly one of the query parameters customerId, "
                    + "loyaltyId, email, phone, deviceId");
        }
        Map.Entry<IdentityKind, String> only = given.entrySet().iterator().next();
        return IdentityParameters.one(only.getKey(), only.getValue());
    }

    private static void put(Map<IdentityKind, String> given, IdentityKind kind, String value) {
        if (value != null) {
            given.put(kind, value);
        }
    }

    /** A customer as a trusted caller knows them. */
    public record UpsertProfileRequest(@NotNull Map<String, String> identities, Map<String, Object> traits) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or find the profile of a customer a trusted caller names",
            description = "The identities are verified (an admin or partner names them): the profile holding any of "
                    + "them is updated, several such profiles are merged, none makes a new one. Traits are set.")
    public Uni<Response> upsert(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @HeaderParam(CallerHeader.NAME) String caller,
                                @Valid @NotNull UpsertProfileRequest request) {
        IdentityClaim claim = IdentityParameters.trustedClaim(request.identities(), caller);
        return traits.types(tenant)
                .invoke(types -> traits.check(request.traits(), types))
                .chain(types -> profiles.upsert(tenant, claim))
                .call(id -> request.traits() == null || request.traits().isEmpty() ? Uni.createFrom().voidItem()
                        : traits.set(tenant, id, request.traits(), List.of(), Callers.source(caller)))
                .chain(id -> profiles.details(tenant, id))
                .map(details -> Response.ok(ProfileView.of(details))
                        .location(URI.create("/v1/profiles/" + details.profile().id)).build());
    }

    @GET
    @Path("/{profileId}")
    @Operation(summary = "A profile: identities with their trust, traits, computed traits, consent, possible "
            + "matches and the newest touchpoints (timelineNext pages on)")
    public Uni<ProfileView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                @PathParam("profileId") UUID profileId) {
        return profiles.details(tenant, profileId).map(ProfileView::of);
    }

    @GET
    @Path("/{profileId}/timeline")
    @Operation(summary = "The journey timeline, newest first, by pages (after = the previous page's next)",
            description = "`after` takes the previous page's `next`, as on every list of the API; `cursor` is its "
                    + "older name, deprecated and still accepted (`after` wins when both are given).")
    public Uni<Page<ProfileView.TouchpointView>> timeline(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                          @PathParam("profileId") UUID profileId,
                                                          @QueryParam("type") @Size(max = 100) String type,
                                                          @QueryParam("stage") @Size(max = 100) String stage,
                                                          @QueryParam("channel") @Size(max = 100) String channel,
                                                          @QueryParam("from") String from,
                                                          @QueryParam("to") String to,
                                                          @QueryParam("after") @Size(max = 300) String after,
                                                          @Parameter(deprecated = true)
                                                          @QueryParam(NextPageLink.DEPRECATED_AFTER)
                                                          @Size(max = 300) String cursor,
                                                          @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                                          @Max(Page.MAX_LIMIT) int limit) {
        TimelineFilter filter = new TimelineFilter(type, stage, channel, instant(from, "from"), instant(to, "to"));
        return profiles.timeline(tenant, profileId, filter, after != null ? after : cursor, limit).map(page ->
                new Page<>(page.touchpoints().stream().map(ProfileView.TouchpointView::of).toList(),
                        page.nextCursor()));
    }

    private static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant (2026-11-26T10:00:00Z)");
        }
    }

    /** An identity to link. */
    public record LinkIdentityRequest(@NotBlank String kind, @NotBlank String value) {
    }

    @POST
    @Path("/{profileId}/identities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a verified identity",
            description = "If another profile holds it verified, the two merge (into the older); the answer is the "
                    + "surviving profile.")
    public Uni<ProfileView> link(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                 @HeaderParam(CallerHeader.NAME) String caller,
                                 @PathParam("profileId") UUID profileId,
                                 @Valid @NotNull LinkIdentityRequest request) {
        IdentityKind kind = IdentityKind.fromWire(request.kind()).orElseThrow(() -> ProblemException.invalidField(
                "kind", "unknown identity kind (customer_id, loyalty_id, email, phone, device_id)"));
        return profiles.linkIdentity(tenant, profileId, IdentityParameters.one(kind, request.value()),
                        Callers.source(caller), caller)
                .chain(id -> profiles.details(tenant, id)).map(ProfileView::of);
    }

    /** The profile to merge into this one (or this one into it: the rules pick the survivor). */
    public record MergeRequest(@NotNull UUID profileId) {
    }

    @POST
    @Path("/{profileId}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge two profiles an operator knows are one customer",
            description = "The survivor is the verified one, else the older; the other answers 308 to it from then "
                    + "on. Identities, timeline, traits (latest wins) and consent (most restrictive wins) are joined.")
    public Uni<ProfileView> merge(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                  @HeaderParam(CallerHeader.NAME) String caller,
                                  @PathParam("profileId") UUID profileId,
                                  @Valid @NotNull MergeRequest request) {
        return profiles.merge(tenant, profileId, request.profileId(), caller)
                .chain(id -> profiles.details(tenant, id)).map(ProfileView::of);
    }

    /** Traits to set and to remove. */
    public record TraitsRequest(Map<String, Object> set, List<String> remove) {
    }

    @PATCH
    @Path("/{profileId}/traits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set and remove traits", description = "Each value must fit its trait's type; one wrong "
            + "value changes nothing.")
    public Uni<ProfileView> setTraits(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                      @HeaderParam(CallerHeader.NAME) String caller,
                                      @PathParam("profileId") UUID profileId,
                                      @Valid @NotNull TraitsRequest request) {
        return traits.set(tenant, profileId, request.set(), request.remove(), Callers.source(caller))
                .chain(id -> profiles.details(tenant, id)).map(ProfileView::of);
    }

    /** A consent decision: what the customer said, where, and the wording they were shown. */
    public record ConsentRequest(@NotBlank String channel, @NotBlank String purpose, @NotBlank String status,
                                 @NotBlank @Size(max = 100) String source, @Size(max = 4000) String wording) {
    }

    @POST
    @Path("/{profileId}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a consent decision (granted or opted-out) for a channel and purpose")
    public Uni<ProfileView> recordConsent(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                          @HeaderParam(CallerHeader.NAME) String caller,
                                          @PathParam("profileId") UUID profileId,
                                          @Valid @NotNull ConsentRequest request) {
        return consents.record(tenant, profileId, new ConsentService.RecordConsent(request.channel(),
                        request.purpose(), request.status(), request.source(), caller, request.wording()))
                .chain(id -> profiles.details(tenant, id)).map(ProfileView::of);
    }

    /** One recorded consent decision. */
    public record ConsentHistoryView(String channel, String purpose, String status, String source, String actor,
                                     String wording, Instant recordedAt) {
        static ConsentHistoryView of(ConsentRecord row) {
            return new ConsentHistoryView(row.channel(), row.purpose(), row.status().toLowerCase().replace('_', '-'),
                    row.source(), row.actor(), row.wording(), row.recordedAt());
        }
    }

    @GET
    @Path("/{profileId}/consent")
    @Operation(summary = "Every consent decision of the profile, newest first")
    public Uni<List<ConsentHistoryView>> consentHistory(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                        @PathParam("profileId") UUID profileId) {
        return consents.history(tenant, profileId).map(rows -> rows.stream().map(ConsentHistoryView::of).toList());
    }
}
