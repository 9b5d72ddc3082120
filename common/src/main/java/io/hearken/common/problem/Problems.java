package io.hearken.common.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem responses, so that every mapper produces the same shape and headers. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String typeSlug, String title, String detail,
                                    List<Problem.FieldError> errors) {
        return builder(status, typeSlug, title, detail, errors).build();
    }

    public static Response.ResponseBuilder builder(int status, String typeSlug, String title, String detail,
                                                   List<Problem.FieldError> errors) {
        Problem problem = new Problem(Problem.type(typeSlug), title, status, detail, null, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    public static Response from(ProblemException exception) {
        Response.ResponseBuilder builder = builder(exception.status(), exception.typeSlug(), exception.title(),
                exception.getMessage(), exception.errors());
        if (exception.retryAfterSeconds() != null) {
            builder.header("Retry-After", exception.retryAfterSeconds());
        }
        return builder.build();
    }
}
