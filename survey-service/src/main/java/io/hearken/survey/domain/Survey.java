package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A survey definition owned by one tenant. {@code version} grows with every change, so a projection that sees an
 * older definition after a newer one keeps the newer. It decides whether a submission is a response it takes.
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

    /**
     * A new, active survey (version 1) from its designer's command; throws {@link RuleViolation} if a text is missing
     * in the default language or two questions share an id.
     */
    public static Survey create(CreateSurvey command, Instant now) {
        String defaultLanguage = command.defaultLanguage() == null ? "en" : command.defaultLanguage();
        List<FieldViolation> violations = new ArrayList<>();
        if (!command.title().containsKey(defaultLanguage)) {
            violations.add(new FieldViolation("title", "must have a text in the default language '"
                    + defaultLanguage + "'"));
        }
        Set<String> questionIds = new HashSet<>();
        for (int index = 0; index < command.questions().size(); index++) {
            Question question = command.questions().get(index);
            if (!questionIds.add(question.id())) {
                violations.add(new FieldViolation("questions[" + index + "].id",
                        "duplicates the id '" + question.id() + "' of an earlier question"));
            }
            if (!question.text().containsKey(defaultLanguage)) {
                violations.add(new FieldViolation("questions[" + index + "].text",
                        "must have a text in the default language '" + defaultLanguage + "'"));
            }
        }
        if (!violations.isEmpty()) {
            throw RuleViolation.invalid(violations);
        }
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        return new Survey(UUID.randomUUID().toString(), command.tenant(), command.name(), command.title(),
                defaultLanguage, List.copyOf(command.questions()), SurveyStatus.ACTIVE, 1, created, created);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    public boolean takesResponses() {
        return status == SurveyStatus.ACTIVE;
    }

    /**
     * The response this submission makes, received at {@code receivedAt}; throws {@link RuleViolation} naming every
     * field at fault, or a conflict when the survey takes no responses.
     */
    public Response respond(SubmitResponse submission, Instant receivedAt) {
        if (!takesResponses()) {
            throw RuleViolation.conflict("Survey '" + id + "' is closed and takes no responses.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        Channel channel = Channel.fromWireName(submission.channel()).orElse(null);
        if (channel == null) {
            violations.add(new FieldViolation("channel", "must be one of " + Channel.allWireNames()));
        }
        List<Answer> answers = new ArrayList<>();
        submission.answers().forEach((questionId, value) -> {
            Question question = question(questionId).orElse(null);
            if (question == null) {
                violations.add(new FieldViolation("answers." + questionId, "is not a question of this survey"));
            } else if (value != null) {
                String problem = question.type().problemWith(value);
                if (problem == null) {
                    answers.add(question.type().answer(questionId, value));
                } else {
                    violations.add(new FieldViolation("answers." + questionId, problem));
                }
            }
        });
        for (Question question : questions) {
            if (question.required() && submission.answers().get(question.id()) == null) {
                violations.add(new FieldViolation("answers." + question.id(), "is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw RuleViolation.invalid(violations);
        }
        String language = submission.language() == null ? defaultLanguage : submission.language();
        Respondent respondent = submission.respondent() == null ? null : submission.respondent().normalised();
        return new Response(responseIdFor(submission.idempotencyKey()), id, tenant, channel, language, respondent,
                answers, receivedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The same idempotency key for the same survey always yields the same response id, so a retried submission
     * becomes the same event and is kept once; without a key every submission is new.
     */
    public String responseIdFor(Optional<IdempotencyKey> key) {
        return key.map(value -> UUID.nameUUIDFromBytes((tenant + "/" + id + "/" + value.value())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
