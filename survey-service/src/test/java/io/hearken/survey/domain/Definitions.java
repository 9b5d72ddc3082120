package io.hearken.survey.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds domain definitions for tests from the JSON a designer would send, read as the API reads it. */
final class Definitions {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Definitions() {
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = Definitions.class.getResourceAsStream("/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer value as a channel's JSON body carries it (Integer, Long, Double, String, List, Map, Boolean). */
    static Object value(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    static SurveyContent content(String json) {
        return read(json, SurveyContent.class);
    }

    /** A published, active survey holding {@code content} as version 1, with its version. */
    static Survey.Change published(SurveyContent content) {
        return Survey.create(new CreateSurvey("acme", "Test survey", content, true), Instant.EPOCH);
    }

    static SubmitResponse submission(Map<String, Object> answers) {
        return SubmitResponse.of("s1", Optional.empty(), "web", null, null, answers);
    }

    static SubmitResponse submission(String language, Map<String, Object> answers) {
        return SubmitResponse.of("s1", Optional.empty(), "web", language, null, answers);
    }

    static Response respond(Survey.Change published, SubmitResponse submission) {
        return published.survey().respond(published.published().orElseThrow(), submission, Instant.now());
    }

    static List<String> fields(RuleViolation violation) {
        return violation.violations().stream().map(FieldViolation::field).sorted().toList();
    }
}
