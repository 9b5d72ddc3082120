package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Feedback nobody asked for: an app-store or web review, a social post, a support ticket, taken in without a survey.
 * Its id follows from the tenant, the {@code source} and the source's own {@code externalId}, so ingesting the same
 * item twice (a backfill that overlaps, a partner's retry) is the same feedback, kept once.
 */
public record Feedback(String id, String tenant, String source, String externalId, String author, Integer rating,
                       Integer ratingMax, String text, String url, String language, Instant postedAt,
                       Instant receivedAt) {

    static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    static final Pattern URL = Pattern.compile("https?://[^\\s]{1,2000}");
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_EXTERNAL_ID_LENGTH = 200;
    static final int MAX_AUTHOR_LENGTH = 200;
    static final int MAX_RATING = 100;

    /** The feedback an ingestion command describes, received at {@code receivedAt}, or every field at fault. */
    public static Feedback from(IngestFeedback command, Instant receivedAt) {
        Problems problems = new Problems();
        if (command.source() == null || !SOURCE.matcher(command.source()).matches()) {
            problems.add("source", "must be 1 to 32 lower-case letters, digits or '-' (app-store, google-play, "
                    + "trustpilot, x, zendesk, ...)");
        }
        if (command.externalId() == null || command.externalId().isBlank()
                || command.externalId().length() > MAX_EXTERNAL_ID_LENGTH) {
            problems.add("externalId", "must be the source's id of the item, 1 to " + MAX_EXTERNAL_ID_LENGTH
                    + " characters");
        }
        if (command.author() != null && command.author().length() > MAX_AUTHOR_LENGTH) {
            problems.add("author", "must be at most " + MAX_AUTHOR_LENGTH + " characters");
        }
        if ((command.text() == null || command.text().isBlank()) && command.rating() == null) {
            problems.add("text", "must be given when there is no rating");
        } else if (command.text() != null && command.text().length() > MAX_TEXT_LENGTH) {
            problems.add("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        if (command.rating() != null || command.ratingMax() != null) {
            if (command.rating() == null || command.ratingMax() == null) {
                problems.add("rating", "a rating needs both rating and ratingMax (4 of 5 stars: 4 and 5)");
            } else if (command.ratingMax() < 1 || command.ratingMax() > MAX_RATING) {
                problems.add("ratingMax", "must be from 1 to " + MAX_RATING);
            } else if (command.rating() < 0 || command.rating() > command.ratingMax()) {
                problems.add("rating", "must be from 0 to ratingMax (" + command.ratingMax() + ")");
            }
        }
        if (command.url() != null && !URL.matcher(command.url()).matches()) {
            problems.add("url", "must be an http or https URL");
        }
        if (command.language() != null && !SurveyContent.LANGUAGE_TAG.matcher(command.language()).matches()) {
            problems.add("language", "must be a language tag such as en, ja, zh-TW or zh-CN");
        }
        if (command.postedAt() == null) {
            problems.add("postedAt", "must be the time the item was posted at its source");
        } else if (command.postedAt().isAfter(receivedAt.plus(Duration.ofMinutes(5)))) {
            problems.add("postedAt", "is in the future");
        }
        problems.throwIfAny();
        return new Feedback(idOf(command.tenant(), command.source(), command.externalId()), command.tenant(),
                command.source(), command.externalId(), command.author(), command.rating(), command.ratingMax(),
                command.text(), command.url(), command.language(), command.postedAt().truncatedTo(ChronoUnit.MILLIS),
                receivedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    static String idOf(String tenant, String source, String externalId) {
        return UUID.nameUUIDFromBytes(("feedback/" + tenant + "/" + source + "/" + externalId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What the item says, to tell a repeated ingestion of it from a changed one (an edited review). */
    public String contentFingerprint() {
        return IdempotencyKey.ofContent(String.join("\u0000", String.valueOf(author), String.valueOf(rating),
                String.valueOf(ratingMax), String.valueOf(text), String.valueOf(url), String.valueOf(language),
                String.valueOf(postedAt))).value();
    }
}
