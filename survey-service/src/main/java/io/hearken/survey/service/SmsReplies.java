package io.hearken.survey.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.SmsReply;
import io.hearken.survey.domain.SubmitResponse;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.repository.InvitationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers to SMS invitations that come back as text messages: "9", "9 great staff", "NPS 3 too slow", "９". The
 * reply answers the invitation last sent to that number (the message names nothing else), its score the survey's
 * first score question and its words the first text question; it is the invited customer's response like any
 * other, kept once.
 */
@ApplicationScoped
public class SmsReplies {

    private final InvitationRepository invitations;
    private final SurveyCatalog catalog;
    private final ResponseService responses;

    public SmsReplies(InvitationRepository invitations, SurveyCatalog catalog, ResponseService responses) {
        this.invitations = invitations;
        this.catalog = catalog;
        this.responses = responses;
    }

    /** What to text back: the closing text, or why the reply could not be read. */
    public record Outcome(boolean kept, String reply) {
    }

    public Uni<Outcome> receive(String from, String body) {
        return invitations.findOpenBySms(from, Instant.now()).chain(found -> found
                .map(invitation -> answer(invitation, body))
                .orElseGet(() -> Uni.createFrom().item(new Outcome(false,
                        "We have no open survey for this number; thank you all the same."))));
    }

    private Uni<Outcome> answer(Invitation invitation, String body) {
        return catalog.find(invitation.surveyId())
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Survey", invitation.surveyId())))
                .chain(survey -> responses.versionAnswered(survey, null))
                .chain(version -> {
                    Optional<Map<String, Object>> answers = answersIn(version.content(), body);
                    if (answers.isEmpty()) {
                        return Uni.createFrom().item(new Outcome(false, unreadable(version, body)));
                    }
                    SubmitResponse submission = SubmitResponse.of(invitation.surveyId(), Optional.empty(), "sms",
                            invitation.locale(), null, answers.get());
                    return responses.submitInvited(submission, invitation).map(kept -> new Outcome(true,
                            kept.closing() == null ? "Thank you!" : kept.closing().text()));
                });
    }

    private static Optional<Map<String, Object>> answersIn(SurveyContent content, String body) {
        Question score = firstScale(content);
        if (score == null) {
            return Optional.empty();
        }
        Question.Scale scale = score.scale().orElseThrow();
        SmsReply.Parsed parsed = SmsReply.parse(body, scale.min(), scale.max());
        if (!(parsed instanceof SmsReply.Score reply)) {
            return Optional.empty();
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put(score.id(), reply.score());
        if (reply.comment() != null) {
            content.questions().stream().filter(question -> question.type() == QuestionType.TEXT).findFirst()
                    .ifPresent(text -> answers.put(text.id(), reply.comment()));
        }
        return Optional.of(answers);
    }

    private static String unreadable(SurveyVersion version, String body) {
        Question score = firstScale(version.content());
        if (score == null) {
            return "This survey cannot be answered by text message; please use the link.";
        }
        Question.Scale scale = score.scale().orElseThrow();
        SmsReply.Parsed parsed = SmsReply.parse(body, scale.min(), scale.max());
        return parsed instanceof SmsReply.Unreadable unreadable ? unreadable.reason()
                : "Please reply with a number from " + scale.min() + " to " + scale.max() + ".";
    }

    private static Question firstScale(SurveyContent content) {
        return content.questions().stream().filter(question -> question.type().isScale()).findFirst().orElse(null);
    }
}
