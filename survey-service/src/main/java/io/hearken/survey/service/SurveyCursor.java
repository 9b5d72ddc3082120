package io.hearken.survey.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.repository.SurveyRepository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code after} token of a survey listing: where the previous page ended (creation time and id of its
 * last survey). Opaque so clients cannot come to depend on its form; a token that does not decode is the caller's
 * mistake (400), never a page from somewhere else.
 */
public final class SurveyCursor {

    private SurveyCursor() {
    }

    public static String after(Survey last) {
        String position = last.createdAt().toEpochMilli() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static SurveyRepository.Position decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = position.indexOf(':');
            return new SurveyRepository.Position(Instant.ofEpochMilli(Long.parseLong(position.substring(0, colon))),
                    position.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalidField("after", "is not a token this API gave (use the listing's 'next')");
        }
    }
}
