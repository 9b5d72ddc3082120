package io.hearken.survey.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A survey definition owned by one tenant. {@code version} grows with every change, so a projection that sees an
 * older definition after a newer one keeps the newer.
 */
public record Survey(
        String id,
        String tenant,
        String name,
        Map<String, String> title,
        String defaultLanguage,
        List<Question> questions,
        SurveyStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }
}
