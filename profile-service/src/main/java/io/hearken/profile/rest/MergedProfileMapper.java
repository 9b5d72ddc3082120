package io.hearken.profile.rest;

import io.hearken.profile.service.ProfileLookup;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * A merged profile's id answers with a permanent redirect to the same resource of its survivor, so links and
 * bookmarks to either keep working.
 */
@Provider
public class MergedProfileMapper implements ExceptionMapper<ProfileLookup.Merged> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProfileLookup.Merged merged) {
        String path = uri.getPath();
        String mergedId = uri.getPathParameters().getFirst("profileId");
        String target = mergedId == null ? "/v1/profiles/" + merged.survivorId()
                : path.replace(mergedId, merged.survivorId().toString());
        String query = uri.getRequestUri().getRawQuery();
        return Response.status(308).location(URI.create(target + (query == null ? "" : "?" + query)))
                .header("X-Hearken-Merged-Into", merged.survivorId().toString())
                .build();
    }
}
