package io.hearken.survey.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.InvitationChannel;
import io.hearken.survey.domain.InvitationStatus;
import io.hearken.survey.domain.InviteRecipients;
import io.hearken.survey.repository.InvitationRepository;
import io.hearken.survey.service.InvitationService;
import io.hearken.survey.service.ListingCursor;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Distributing a survey: invitations to a list of customers by email or SMS, each a signed, single-use, expiring
 * link; where they are (sent, opened, completed) and the response rate per channel.
 */
@Path("/v1/surveys/{surveyId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
public class InvitationResource {

    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    /** Body of a distribution. */
    public record Distribute(@NotNull String channel, Integer validForDays, @Size(max = 64) String campaignId,
                             @NotNull List<@NotNull RecipientRequest> recipients) {
    }

    /** One customer to invite. */
    public record RecipientRequest(String customerId, String email, String phone, String locale,
                                   Map<String, String> hidden) {
    }

    /** What a distribution kept. */
    public record DistributionView(String campaignId, int invited) {
    }

    /** Where one invitation is; {@code erasure} is set once its customer was erased (no customer id then). */
    public record InvitationView(String id, String campaignId, String channel, String customerId, String locale,
                                 String status, String reason, Instant createdAt, Instant expiresAt,
                                 ErasureView erasure) {

        static InvitationView of(InvitationRepository.Tracked tracked) {
            var invitation = tracked.invitation();
            return new InvitationView(invitation.id(), invitation.campaignId(), invitation.channel().wireName(),
                    invitation.customerId(), invitation.locale(), tracked.status().name(), tracked.reason(),
                    invitation.createdAt(), invitation.expiresAt(),
                    ErasureView.of(invitation.anonymisation()));
        }
    }

    /** Per channel: invitations by status and the response rate (completed of those that reached the customer). */
    public record ChannelStatistics(Map<String, Long> byStatus, long reached, long completed, double responseRate) {
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite customers to answer the survey",
            description = "Up to 5000 recipients per call (a larger list in parts with one campaignId). 202 once every "
                    + "invitation is kept; they are then sent at the configured pace, in each recipient's language, "
                    + "each a signed link that expires after validForDays (14) and takes one response.")
    public Uni<Response> distribute(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                    @PathParam("surveyId") String surveyId, @Valid @NotNull Distribute request) {
        InvitationChannel channel = InvitationChannel.fromWireName(request.channel()).orElseThrow(() ->
                ProblemException.invalidField("channel", "must be email or sms"));
        InviteRecipients command = new InviteRecipients(surveyId, channel,
                request.validForDays() == null ? null : Duration.ofDays(request.validForDays()), request.campaignId(),
                request.recipients().stream().map(recipient -> new InviteRecipients.Recipient(recipient.customerId(),
                        recipient.email(), recipient.phone(), recipient.locale(), recipient.hidden())).toList());
        return invitations.invite(tenant, command).map(distribution -> Response.accepted(
                new DistributionView(distribution.campaignId(), distribution.invited())).build());
    }

    @GET
    @Operation(summary = "List the survey's invitations, newest first",
            description = "Keyset pages: pass the previous page's 'next' as 'after'. Each invitation's channel, "
                    + "customer, language and status (with the reason of a skip or failure); never its address.")
    public Uni<Page<InvitationView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                          @PathParam("surveyId") String surveyId,
                                          @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                          @Max(Page.MAX_LIMIT) int limit,
                                          @QueryParam("after") @Size(max = 300) String after) {
        return invitations.list(tenant, surveyId, after, limit + 1)
                .map(found -> Page.of(found, limit, InvitationView::of, last -> ListingCursor.after(
                        ListingCursor.INVITATIONS, last.invitation().createdAt(), last.invitation().id())));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Invitations by channel and status, with the response rate")
    public Uni<Map<String, ChannelStatistics>> statistics(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                          @PathParam("surveyId") String surveyId) {
        return invitations.statistics(tenant, surveyId).map(counts -> {
            Map<String, ChannelStatistics> statistics = new LinkedHashMap<>();
            counts.forEach((channel, byStatus) -> {
                long completed = byStatus.getOrDefault(InvitationStatus.COMPLETED.name(), 0L);
                long reached = completed + byStatus.getOrDefault(InvitationStatus.SENT.name(), 0L)
                        + byStatus.getOrDefault(InvitationStatus.OPENED.name(), 0L)
                        + byStatus.getOrDefault(InvitationStatus.STARTED.name(), 0L);
                statistics.put(channel, new ChannelStatistics(byStatus, reached, completed,
                        reached == 0 ? 0.0 : Math.round(1000.0 * completed / reached) / 10.0));
            });
            return statistics;
        });
    }

    @GET
    @Path("/{invitationId}")
    @Operation(summary = "Where one invitation is, and why (a skip or a failure names its reason)")
    public Uni<InvitationView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                   @PathParam("surveyId") String surveyId,
                                   @PathParam("invitationId") String invitationId) {
        return invitations.get(tenant, surveyId, invitationId).map(InvitationView::of);
    }
}
