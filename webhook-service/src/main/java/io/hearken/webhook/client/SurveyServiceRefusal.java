package io.hearken.webhook.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * survey-service answered 400 or above: its status and, when it sent one, its problem document (type, title,
 * detail, the fields at fault), read leniently since any service or proxy on the way may have answered, and kept as
 * the problem to relay to the partner.
 */
public class SurveyServiceRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemException problem;

    SurveyServiceRefusal(ProblemException problem) {
        super("survey-service answered " + problem.status() + " " + problem.typeSlug());
        this.problem = problem;
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
        String detail = problem.path("detail").asText(null);
        return new SurveyServiceRefusal(new ProblemException(response.getStatus(),
                type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : "validation",
                problem.path("title").asText("Invalid request"),
                "Feedback refused: " + (detail == null ? "The feedback was refused." : detail), errors, null));
    }

    /** survey-service's problem, as the partner is answered. */
    public ProblemException problem() {
        return problem;
    }

    /** Whether the request itself was refused (a field, its size), so sending it again cannot succeed. */
    public boolean refusesTheRequest() {
        return problem.status() == 400 || problem.status() == 413 || problem.status() == 422;
    }
}
