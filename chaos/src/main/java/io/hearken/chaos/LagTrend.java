package io.hearken.chaos;

import java.util.List;

/**
 * Whether a consumer group kept up over a sustained run, from its lag sampled at intervals: the lag at the start,
 * middle and end, the most seen, and the least-squares slope of lag over time (records a second). The lag is
 * <em>growing</em> when the slope exceeds {@link #GROWING_SHARE} of the offered rate and the last sample is above
 * the first, i.e. the group falls behind by more than 1 % of what arrives; otherwise it is <em>bounded</em> (a lag
 * that swings by a poll batch or two around a level, or drains). Any growth rate below that threshold would need a
 * run far longer than 5 minutes to matter.
 */
record LagTrend(long start, long middle, long end, long max, double slopePerSecond, boolean growing) {

    static final double GROWING_SHARE = 0.01;

    /** One reading: seconds since the measurement began, and the group's lag in records. */
    record Sample(double seconds, long lag) {
    }

    static LagTrend of(List<Sample> samples, double offeredRate) {
        if (samples.isEmpty()) {
            return new LagTrend(0, 0, 0, 0, 0, false);
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double middleTime = (first.seconds() + last.seconds()) / 2;
        Sample middle = first;
        long max = 0;
        for (Sample sample : samples) {
            if (Math.abs(sample.seconds() - middleTime) < Math.abs(middle.seconds() - middleTime)) {
                middle = sample;
            }
            max = Math.max(max, sample.lag());
        }
        double slope = slope(samples);
        boolean growing = slope > GROWING_SHARE * offeredRate && last.lag() > first.lag();
        return new LagTrend(first.lag(), middle.lag(), last.lag(), max, slope, growing);
    }

    /** Least-squares slope of lag over seconds; 0 for fewer than two distinct times. */
    static double slope(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double meanX = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanY = samples.stream().mapToDouble(Sample::lag).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.seconds() - meanX) * (sample.lag() - meanY);
            variance += (sample.seconds() - meanX) * (sample.seconds() - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    String verdict() {
        return growing ? "GROWING" : "bounded";
    }
}
