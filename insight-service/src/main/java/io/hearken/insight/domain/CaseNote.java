package io.hearken.insight.domain;

import java.time.Instant;
import java.util.Objects;

/** A note someone added to a follow-up case: who, when, what. Notes are only ever appended. */
public record CaseNote(String author, Instant at, String text) {

    public static final int MAX_TEXT_LENGTH = 10_000;

    public CaseNote {
        if (author == null || author.isBlank()) {
            throw new DomainRuleException("author", "a note needs its author");
        }
        Objects.requireNonNull(at, "at");
        if (text == null || text.isBlank()) {
            throw new DomainRuleException("text", "a note needs a text");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new DomainRuleException("text", "a note is at most " + MAX_TEXT_LENGTH + " characters");
        }
    }
}
