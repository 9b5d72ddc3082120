package io.hearken.survey.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One published, immutable version of a survey's content. A response names the version its respondent saw and is
 * judged against exactly that version, however the survey changes afterwards.
 */
public record SurveyVersion(String surveyId, String tenant, int version, SurveyContent content,
                            Instant publishedAt) {

    /**
     * The response this submission makes, received at {@code receivedAt}, or a {@link RuleViolation} naming every
     * field at fault. Questions are walked in order: a page or question whose condition does not hold for the
     * answers before it is hidden, may not be answered and is not required.
     */
    Response respond(SubmitResponse submission, String responseId, Instant receivedAt) {
        Problems problems = new Problems();
        Channel channel = Channel.fromWireName(submission.channel()).orElse(null);
        if (channel == null) {
            problems.add("channel", "must be one of " + Channel.allWireNames());
        }
        String language = submission.language() == null ? content.language() : submission.language();
        if (!content.offeredLanguages().contains(language)) {
            problems.add("language", "this survey is offered in " + content.offeredLanguages() + ", not '"
                    + language + "'");
        }
        String touchpoint = submission.touchpoint() == null ? content.touchpoint() : submission.touchpoint();
        if (submission.touchpoint() != null && !SurveyContent.TOUCHPOINT.matcher(touchpoint).matches()) {
            problems.add("touchpoint", "must be 1 to 64 lower-case letters, digits or '-' (checkout, support-call)");
        }
        String stage = submission.journeyStage() == null ? content.journeyStage() : submission.journeyStage();
        if (submission.journeyStage() != null && JourneyStage.fromWireName(stage).isEmpty()) {
            problems.add("journeyStage", "must be one of " + List.of(JourneyStage.values()).stream()
                    .map(JourneyStage::wireName).toList());
        }
        ResponseContext.check(submission.context(), problems);
        ResponseContext.checkAnsweredAt(submission.answeredAt(), receivedAt, problems);
        Map<String, Object> given = submission.answers() == null ? Map.of() : submission.answers();
        Set<String> unknown = new LinkedHashSet<>(given.keySet());
        List<Answer> answers = new ArrayList<>();
        Map<String, Answer> answered = new HashMap<>();
        for (Page page : content.pages()) {
            boolean pageShown = page.showIf() == null || page.showIf().holds(answered);
            for (Question question : page.questions()) {
                unknown.remove(question.id());
                Object value = given.get(question.id());
                boolean shown = pageShown && (question.showIf() == null || question.showIf().holds(answered));
                String field = "answers." + question.id();
                if (!shown) {
                    if (value != null) {
                        problems.add(field, "is not asked: the survey's logic hides this question for these answers");
                    }
                    continue;
                }
                if (value == null) {
                    if (question.required() && !submission.partial()) {
                        problems.add(field, "is required");
                    }
                    continue;
                }
                AnswerRule rule = question.rule();
                String problem = rule.problemWith(value);
                if (problem != null) {
                    problems.add(field, problem);
                    continue;
                }
                Answer answer = rule.answer(value, language, content.language());
                answers.add(answer);
                answered.put(question.id(), answer);
            }
        }
        unknown.forEach(questionId -> problems.add("answers." + questionId,
                "is not a question of version " + version + " of this survey"));
        problems.throwIfAny();
        Respondent respondent = submission.respondent() == null ? null : submission.respondent().normalised();
        Instant answeredAt = submission.answeredAt() == null ? receivedAt : submission.answeredAt();
        return new Response(responseId, surveyId, version, tenant, channel, language, touchpoint, stage, respondent,
                List.copyOf(answers), submission.context(), submission.invitationId(), !submission.partial(),
                answeredAt.truncatedTo(ChronoUnit.MILLIS), null);
    }
}
