package io.hearken.survey.rest;

import io.hearken.survey.domain.Anonymisation;

import java.time.Instant;

/** Which erasure anonymised a response or an invitation, and when its customer was erased. */
public record ErasureView(String erasureId, Instant erasedAt) {

    static ErasureView of(Anonymisation anonymisation) {
        return anonymisation == null ? null : new ErasureView(anonymisation.erasureId(), anonymisation.erasedAt());
    }
}
