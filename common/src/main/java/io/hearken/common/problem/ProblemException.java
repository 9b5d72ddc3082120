package io.hearken.common.problem;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Thrown by service code to refuse a request with a specific problem; {@link ProblemExceptionMappers} turns it into
 * an {@code application/problem+json} response. Factory methods cover the kinds of refusal Hearken uses.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String typeSlug, String title, String detail,
                            List<Problem.FieldError> errors, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s).", errors, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found",
                what + " '" + id + "' does not exist.", List.of(), null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(), null);
    }

    /** A dependency is down: the request was not kept, and the client may retry after the given delay. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "unavailable", "Service temporarily unavailable", detail, List.of(),
                retryAfterSeconds);
    }

    /**
     * The same problem with its fields named as the caller wrote them, when the layer below named them in its own
     * terms (a shorthand in the request that the domain sees expanded).
     */
    public ProblemException withFieldsRenamed(UnaryOperator<String> rename) {
        ProblemException renamed = new ProblemException(status, typeSlug, title, getMessage(), errors.stream()
                .map(error -> new Problem.FieldError(rename.apply(error.field()), error.message()))
                .toList(), retryAfterSeconds);
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
