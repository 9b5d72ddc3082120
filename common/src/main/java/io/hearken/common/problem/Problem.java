package io.hearken.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document: what every Hearken service answers when it refuses a request.
 *
 * <p>{@code type} is stable per kind of error so that clients can branch on it; {@code errors} names each field
 * at fault (a JSON pointer-like dotted path into the request body) and why.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Base of every problem type URI; docs/errors.md lists each kind. */
    public static final String TYPE_BASE = "https://hearken.io/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One field that made the request invalid. */
    public record FieldError(String field, String message) {
    }
}
