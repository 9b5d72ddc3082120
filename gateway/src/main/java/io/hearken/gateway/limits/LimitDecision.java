package io.hearken.gateway.limits;

import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a request leaves each limit it counted against, and what the client is told: the policies in
 * {@code RateLimit-Policy} and the tightest one's remaining requests and seconds in {@code RateLimit} (IETF draft
 * "RateLimit header fields for HTTP", structured fields), and, once one is exhausted, 429 with {@code Retry-After}.
 */
public record LimitDecision(List<State> states, long windowSeconds) {

    /** A policy after this request. */
    public record State(LimitPolicy policy, long requests, long secondsLeft) {

        public long remaining() {
            return Math.max(0, policy.quota() - requests);
        }

        public boolean exceeded() {
            return requests > policy.quota();
        }
    }

    public static final LimitDecision UNLIMITED = new LimitDecision(List.of(), 0);

    static LimitDecision of(List<LimitPolicy> policies, List<Count> counts, long windowSeconds) {
        List<State> states = new ArrayList<>(policies.size());
        for (int i = 0; i < policies.size(); i++) {
            Count count = counts.get(i);
            states.add(new State(policies.get(i), count.requests(), Math.max(1, (count.millisLeft() + 999) / 1000)));
        }
        return new LimitDecision(List.copyOf(states), windowSeconds);
    }

    public boolean allowed() {
        return states.stream().noneMatch(State::exceeded);
    }

    /** Seconds until every exhausted limit has a new window. */
    public long retryAfterSeconds() {
        return states.stream().filter(State::exceeded).mapToLong(State::secondsLeft).max().orElse(0);
    }

    /** The exhausted limit a refusal names (the one that frees last), or the one closest to it. */
    public State tightest() {
        return states.stream()
                .max(Comparator.comparing(State::exceeded).thenComparing(state -> -state.remaining())
                        .thenComparingLong(State::secondsLeft))
                .orElseThrow();
    }

    public void writeHeaders(MultiMap headers) {
        if (states.isEmpty()) {
            return;
        }
        headers.set("RateLimit-Policy", states.stream()
                .map(state -> "\"" + state.policy().name() + "\";q=" + state.policy().quota() + ";w=" + windowSeconds)
                .collect(Collectors.joining(", ")));
        State tightest = tightest();
        headers.set("RateLimit", "\"" + tightest.policy().name() + "\";r=" + tightest.remaining() + ";t="
                + tightest.secondsLeft());
    }
}
