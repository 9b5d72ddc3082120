package io.hearken.survey.domain;

import java.time.Instant;

/**
 * The mark a response or an invitation carries once an {@link Erasure} took what identified its customer: which
 * erasure, and the moment the customer was erased. Shown by the API, so a reader can tell an anonymised response from
 * one that was anonymous from the start.
 */
public record Anonymisation(String erasureId, Instant erasedAt) {
}
