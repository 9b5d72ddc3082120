package io.hearken.common.http;

import io.hearken.common.json.StorableText;
import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.common.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body rule of {@code StrictRequestJson} for the rest of a request: query and path parameters (a profile looked
 * up by {@code ?email=}) must be text every store can hold, or the request is refused with 400 naming the parameter,
 * before any store sees it.
 */
public class StorableParameters {

    /** Longest parameter accepted, in UTF-8 bytes. */
    static final int MAX_PARAMETER_BYTES = 2048;

    @ServerRequestFilter
    public Response refuseUnstorableParameters(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(request.getUriInfo().getQueryParameters(), errors);
        check(request.getUriInfo().getPathParameters(), errors);
        return errors.isEmpty() ? null : Problems.from(ProblemException.validation(errors));
    }

    private static void check(MultivaluedMap<String, String> parameters, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                StorableText.problemOf(value, MAX_PARAMETER_BYTES)
                        .ifPresent(problem -> errors.add(new Problem.FieldError(parameter.getKey(), problem)));
            }
        }
    }
}
