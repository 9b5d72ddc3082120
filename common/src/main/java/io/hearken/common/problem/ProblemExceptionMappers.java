package io.hearken.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hearken.common.json.UnstorableTextException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns every failure a REST call can meet into RFC 9457 problem+json, so that no service ever answers with a
 * stack trace, an HTML page or an empty body.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response mapProblem(ProblemException exception) {
        return Problems.from(exception);
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response mapViolation(ConstraintViolationException exception) {
        return Problems.from(violations(exception));
    }

    private static ProblemException violations(ConstraintViolationException exception) {
        return ProblemException.validation(exception.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldPath(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList());
    }

    @ServerExceptionMapper
    public Response mapMalformedJson(JsonParseException exception) {
        return Problems.response(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON: " + exception.getOriginalMessage(), List.of());
    }

    @ServerExceptionMapper({MismatchedInputException.class, JsonMappingException.class})
    public Response mapUnreadableJson(JsonMappingException exception) {
        return Problems.from(unreadable(exception));
    }

    /**
     * The problem a request part has when it cannot be read or breaks a rule: unreadable JSON, a constraint, or a
     * refusal of our own; empty for anything else. For endpoints that judge many parts one by one (a batch whose
     * lines are kept or refused each on their own) and name each part's problem as a whole request's would be.
     */
    public static Optional<ProblemException> describe(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return Optional.of(problem);
        }
        if (failure instanceof JsonParseException parse) {
            return Optional.of(new ProblemException(400, "malformed-json", "Malformed JSON",
                    "Not valid JSON: " + parse.getOriginalMessage(), List.of(), null));
        }
        if (failure instanceof JsonMappingException mapping) {
            return Optional.of(unreadable(mapping));
        }
        if (failure instanceof ConstraintViolationException violations) {
            return Optional.of(violations(violations));
        }
        return Optional.empty();
    }

    private static ProblemException unreadable(JsonMappingException exception) {
        String field = jsonPath(exception);
        String message = "has the wrong type or shape";
        if (exception.getCause() instanceof ProblemException problem) {
            return problem;
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String property = field.isEmpty() ? unknown.getPropertyName()
                    : field.endsWith(unknown.getPropertyName()) ? field : field + "." + unknown.getPropertyName();
            return ProblemException.invalidField(property, "is not a known property" + knownProperties(unknown));
        }
        if (exception instanceof UnstorableTextException unstorable) {
            return ProblemException.invalidField(field.isEmpty() ? "body" : field, unstorable.reason());
        }
        if (String.valueOf(exception.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return new ProblemException(400, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON: it ends too early.", List.of(), null);
        }
        return ProblemException.invalidField(field.isEmpty() ? "body" : field,
                field.isEmpty() ? "the request body " + message : message);
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException exception) {
        // The JSON reader reports unreadable bodies as 400 wrapping Jackson's exception: name the real fault.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return mapMalformedJson(parse);
            }
            if (cause instanceof JsonMappingException mapping) {
                return mapUnreadableJson(mapping);
            }
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status == 400 && thrownByBodyReader(exception)) {
            // Quarkus's Jackson reader turns a JSON syntax error into a bare 400 without its cause.
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON.", List.of());
        }
        if (Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original;
        }
        Response.StatusType statusInfo = original.getStatusInfo();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> status >= 500 ? "server-error" : "bad-request";
        };
        return Problems.response(status, slug, statusInfo.getReasonPhrase(), exception.getMessage(), List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response mapUnexpected(Throwable exception) {
        if (isStoreUnreachable(exception)) {
            Log.warnf("A store is unreachable: %s", exception.toString());
            return Problems.builder(503, "unavailable", "Service temporarily unavailable",
                    "A store this service needs cannot be reached right now. Retry later.", List.of())
                    .header("Retry-After", 2).build();
        }
        Log.error("Unexpected failure while serving a request", exception);
        return Problems.response(500, "server-error", "Internal server error",
                "The request failed unexpectedly; it was logged.", List.of());
    }

    /**
     * Whether the failure means a database could not be reached (as opposed to a bug): MongoDB's timeout and
     * socket errors, a refused or closed connection of the PostgreSQL client. Matched by name so this module needs
     * neither driver.
     */
    static boolean isStoreUnreachable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.ConnectException || cause instanceof java.nio.channels.ClosedChannelException
                    || name.startsWith("com.mongodb.MongoTimeout") || name.startsWith("com.mongodb.MongoSocket")
                    || message.contains("Connection refused") || message.contains("Connection is not active")
                    || message.contains("Fail to read any response from the server")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean thrownByBodyReader(WebApplicationException exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().endsWith("MessageBodyReader");
    }

    /**
     * "submit.request.answers[nps]" becomes "answers[nps]": the caller knows the body, not our method names; a
     * constraint on a header or query parameter is named by the parameter ("tenant", "limit").
     */
    static String fieldPath(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    names.clear();
                    parameter = node.getName();
                }
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> names.clear();
                default -> {
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null) {
                        name += "[" + node.getIndex() + "]";
                    } else if (node.getKey() != null) {
                        name += "[" + node.getKey() + "]";
                    }
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            // The constraint is on a parameter itself (a header, a query parameter) or on the whole body.
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names);
    }

    private static String knownProperties(UnrecognizedPropertyException exception) {
        if (exception.getKnownPropertyIds() == null || exception.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return " (known: " + exception.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    static String jsonPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
