package io.hearken.insight.domain;

import java.util.Arrays;

/**
 * The sufficient statistics of one scale question's answers in one slice and time bucket: how many answered each
 * point of the scale. Everything a score needs — count, mean, proportions, variance and so a margin of error — follows
 * from these counts, and two tallies add up, so rollups can be kept as atomic increments per (slice, bucket) and a
 * query over any range costs the same for a thousand or ten million responses.
 *
 * @param scaleMin the lowest point of the scale (0 for NPS, 1 for CSAT and CES)
 * @param counts   {@code counts[i]} answers of {@code scaleMin + i}
 */
public record Tally(int scaleMin, long[] counts) {

    public Tally {
        counts = counts.clone();
    }

    public static Tally empty(int scaleMin, int scaleMax) {
        if (scaleMax < scaleMin) {
            throw new IllegalArgumentException("a scale ends at or above its start: " + scaleMin + ".." + scaleMax);
        }
        return new Tally(scaleMin, new long[scaleMax - scaleMin + 1]);
    }

    public int scaleMax() {
        return scaleMin + counts.length - 1;
    }

    /** This tally with one more answer of {@code score}. */
    public Tally plus(int score) {
        if (score < scaleMin || score > scaleMax()) {
            throw new IllegalArgumentException("score " + score + " is outside " + scaleMin + ".." + scaleMax());
        }
        long[] added = counts.clone();
        added[score - scaleMin]++;
        return new Tally(scaleMin, added);
    }

    /** Both tallies together (the same scale). */
    public Tally plus(Tally other) {
        if (other.scaleMin != scaleMin || other.counts.length != counts.length) {
            throw new IllegalArgumentException("tallies of different scales do not add up");
        }
        long[] added = counts.clone();
        for (int i = 0; i < added.length; i++) {
            added[i] += other.counts[i];
        }
        return new Tally(scaleMin, added);
    }

    public long count() {
        return Arrays.stream(counts).sum();
    }

    /** Answers from {@code low} to {@code high}, both included. */
    public long between(int low, int high) {
        long n = 0;
        for (int score = Math.max(low, scaleMin); score <= Math.min(high, scaleMax()); score++) {
            n += counts[score - scaleMin];
        }
        return n;
    }

    /** Mean of the answers; NaN when there are none. */
    public double mean() {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (double) (scaleMin + i) * counts[i];
        }
        return sum / n;
    }

    /** Sample variance of the answers (n − 1 in the denominator); NaN below two answers. */
    public double variance() {
        long n = count();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double deviation = scaleMin + i - mean;
            squares += deviation * deviation * counts[i];
        }
        return squares / (n - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally tally && tally.scaleMin == scaleMin && Arrays.equals(tally.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * scaleMin + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Tally[" + scaleMin + ".." + scaleMax() + ": " + Arrays.toString(counts) + "]";
    }
}
