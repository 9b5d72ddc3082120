package io.hearken.webhook.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hearken.common.problem.Problem;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * survey-service answered 400 or above: its status and, when it sent one, its problem document (type, title,
 * detail, the fields at fault), read leniently since any service or proxy on the way may have answered.
 */
public class SurveyServiceRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String typeSlug;
    private final String title;
    private final String detail;
    private final List<Problem.FieldError> errors;

    SurveyServiceRefusal(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        super("survey-service answered " + status + (typeSlug == null ? "" : " " + typeSlug));
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    static SurveyServiceRefusal of(Response response) {
        JsonNode problem = MissingNode.getInstance();
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body != null && !body.isBlank()) {
                problem = JSON.readTree(body);
            }
        } catch (IOException | RuntimeException notAProblem) {
            // Not JSON (a proxy's page): the status alone says what happened.
        }
        String type = problem.path("type").asText("");
        List<Problem.FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new Problem.FieldError(error.path("field").asText("body"), error.path("message").asText("")));
        }
        return new SurveyServiceRefusal(response.getStatus(),
                type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : null,
                problem.path("title").asText(null), problem.path("detail").asText(null), errors);
    }

    public int status() {
        return status;
    }

    /** The slug of survey-service's problem type ({@code validation}), or null when it sent no Hearken problem. */
    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Whether the request itself was refused (a field, its size), so sending it again cannot succeed. */
    public boolean refusesTheRequest() {
        return status == 400 || status == 413 || status == 422;
    }
}
