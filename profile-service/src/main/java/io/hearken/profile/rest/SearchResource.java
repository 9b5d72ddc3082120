package io.hearken.profile.rest;

import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.page.PageCursor;
import io.hearken.profile.service.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Profile search by any identity, a trait's value or a segment, by pages. */
@Path("/v1/profiles/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class SearchResource {

    private static final String LIST = "profiles";

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    /** A found profile: who it is and how far that is verified. */
    public record ProfileSummary(UUID id, String trust, List<ProfileView.IdentityView> identities) {
    }

    @GET
    @Operation(summary = "Search profiles", description = "identity: a value of any kind (email, phone, CRM id, ...); "
            + "trait: key:value; segment: a saved segment's id. Combined with AND; at least one. Keyset pages in id "
            + "order: pass the previous page's 'next' as 'after'.")
    public Uni<Page<ProfileSummary>> search(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                            @QueryParam("identity") @Size(max = 300) String identity,
                                            @QueryParam("trait") @Size(max = 1100) String trait,
                                            @QueryParam("segment") UUID segment,
                                            @QueryParam("after") @Size(max = 300) String after,
                                            @QueryParam("limit") @DefaultValue(Page.DEFAULT_LIMIT) @Min(1)
                                            @Max(Page.MAX_LIMIT) int limit) {
        UUID afterId = PageCursor.read(LIST, after, 1).map(cursor -> cursor.uuid(0)).orElse(null);
        return search.search(tenant, identity, trait, segment, afterId, limit + 1).map(found -> Page.of(found, limit,
                profile -> new ProfileSummary(profile.profile().id, profile.profile().trust.name().toLowerCase(),
                        profile.identities().stream().map(ProfileView.IdentityView::of).toList()),
                last -> PageCursor.of(LIST, last.profile().id)));
    }
}
