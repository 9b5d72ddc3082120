package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One respondent's accepted answers to one version of a survey. {@code id} is a random UUID, or derived from the
 * submission's idempotency key so that a retry is the same response. {@code language} is the locale it was answered
 * in; {@code touchpoint} and {@code journeyStage} place it in the customer journey (either may be null);
 * {@code context} is what the channel knew of the moment; {@code submittedAt} is when it was answered;
 * {@code completed} is false for saved progress, which the complete response replaces under the same id;
 * {@code anonymisation} is set once an erasure took what identified the respondent (null for every new response).
 */
public record Response(String id, String surveyId, int surveyVersion, String tenant, Channel channel,
                       String language, String touchpoint, String journeyStage, Respondent respondent,
                       List<Answer> answers, Map<String, String> context, String invitationId,
                       boolean completed, Instant submittedAt, Anonymisation anonymisation) {

    /** The same response, received at another time (a retry keeps the time of the first submission). */
    public Response withSubmittedAt(Instant at) {
        return new Response(id, surveyId, surveyVersion, tenant, channel, language, touchpoint, journeyStage,
                respondent, answers, context, invitationId, completed, at, anonymisation);
    }

    /**
     * This response once its respondent is erased: no email, phone or customer id, no words of theirs (text, hidden
     * values, "other" texts), and no channel context, whose keys are free and may point back at them (a call id, a
     * conversation id). Scores, choices, dates and consents stay: on their own they identify nobody, and they keep
     * the survey's statistics true.
     */
    public Response anonymisedBy(Erasure erasure) {
        return new Response(id, surveyId, surveyVersion, tenant, channel, language, touchpoint, journeyStage,
                Respondent.ANONYMOUS, answers.stream().map(Answer::withoutFreeText).toList(), null, invitationId,
                completed, submittedAt, erasure.anonymisation());
    }

    /**
     * What the response says, whatever the order of its answers, as a SHA-256 hex string: two submissions with one
     * idempotency key are the same retry exactly when their fingerprints are equal.
     */
    public String contentFingerprint() {
        Respondent who = respondent == null ? Respondent.ANONYMOUS : respondent;
        List<String> parts = new ArrayList<>(List.of(channel.wireName(), String.valueOf(surveyVersion),
                String.valueOf(language), String.valueOf(touchpoint), String.valueOf(journeyStage),
                String.valueOf(who.email()), String.valueOf(who.phone()), String.valueOf(who.customerId()),
                String.valueOf(context == null ? null : new TreeMap<>(context)), String.valueOf(invitationId),
                String.valueOf(completed)));
        answers.stream().map(Answer::canonical).sorted().forEach(parts::add);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
