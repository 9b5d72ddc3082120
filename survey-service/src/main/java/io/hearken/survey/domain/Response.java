package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One respondent's accepted answers to one survey. {@code id} is a random UUID, or derived from the submission's
 * idempotency key so that a retry is the same response.
 */
public record Response(String id, String surveyId, String tenant, Channel channel, String language,
                       Respondent respondent, List<Answer> answers, Instant submittedAt) {

    /** The same response, received at another time (a retry keeps the time of the first submission). */
    public Response withSubmittedAt(Instant at) {
        return new Response(id, surveyId, tenant, channel, language, respondent, answers, at);
    }

    /**
     * What the response says, whatever the order of its answers, as a SHA-256 hex string: two submissions with one
     * idempotency key are the same retry exactly when their fingerprints are equal.
     */
    public String contentFingerprint() {
        Respondent who = respondent == null ? Respondent.ANONYMOUS : respondent;
        List<String> parts = new ArrayList<>(List.of(channel.wireName(), String.valueOf(language),
                String.valueOf(who.email()), String.valueOf(who.phone()), String.valueOf(who.customerId())));
        answers.stream()
                .map(answer -> answer.questionId() + "=" + answer.type() + ":" + answer.score() + ":" + answer.text())
                .sorted()
                .forEach(parts::add);
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
