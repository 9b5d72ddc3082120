package io.hearken.gateway.limits;

/** A counter after this request: requests counted in its window so far, and milliseconds until the window ends. */
public record Count(long requests, long millisLeft) {
}
