package io.hearken.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks what the platform kept against what the load generator was told it kept. */
public final class Verifier {

    private final GatewayClient client;
    private final String adminUser;
    private final String password;

    public Verifier(GatewayClient client, String adminUser, String password) {
        this.client = client;
        this.adminUser = adminUser;
        this.password = password;
    }

    public PhaseResult verify(Phase phase, List<Submission> submissions, Map<String, Long> answers)
            throws Exception {
        String token = client.token(adminUser, password);
        List<Submission> acknowledged = submissions.stream()
                .filter(submission -> submission.outcome == Submission.Outcome.ACKNOWLEDGED).toList();
        Set<String> acknowledgedIds = acknowledged.stream().map(Submission::responseId).collect(Collectors.toSet());

        long storedOnce = 0;
        long storedDuplicated = 0;
        long unacknowledgedKept = 0;
        long counted = 0;
        boolean npsMatches = true;
        for (String surveyId : phase.surveyIds()) {
            Map<String, Long> stored = occurrences(client.storedResponseIds(token, surveyId));
            for (Map.Entry<String, Long> entry : stored.entrySet()) {
                if (!acknowledgedIds.contains(entry.getKey())) {
                    unacknowledgedKept++;
                } else if (entry.getValue() == 1) {
                    storedOnce++;
                } else {
                    storedDuplicated++;
                }
            }
            JsonNode nps = client.nps(token, surveyId);
            counted += nps.get("total").asLong();
            long[] expected = new long[3];
            acknowledged.stream().filter(submission -> submission.surveyId.equals(surveyId))
                    .forEach(submission -> expected[submission.score >= 9 ? 0 : submission.score >= 7 ? 1 : 2]++);
            npsMatches &= nps.get("promoters").asLong() == expected[0] && nps.get("passives").asLong() == expected[1]
                    && nps.get("detractors").asLong() == expected[2];
        }
        long storedLost = acknowledged.size() - storedOnce - storedDuplicated;

        Map<String, Long> onTimelines = new HashMap<>();
        Set<String> customers = new HashSet<>(phase.customers());
        for (String email : customers) {
            client.timelineResponseIds(token, email).forEach(id -> onTimelines.merge(id, 1L, Long::sum));
        }
        long timelineOnce = acknowledgedIds.stream().filter(id -> onTimelines.getOrDefault(id, 0L) == 1).count();
        long timelineDuplicated = acknowledgedIds.stream().filter(id -> onTimelines.getOrDefault(id, 0L) > 1).count();
        long timelineLost = acknowledgedIds.size() - timelineOnce - timelineDuplicated;

        long rejected = submissions.stream().filter(s -> s.outcome == Submission.Outcome.REJECTED).count();
        long gaveUp = submissions.stream().filter(s -> s.outcome == Submission.Outcome.GAVE_UP).count();
        return new PhaseResult(phase.killed(), submissions.size(), acknowledged.size(), rejected, gaveUp, storedOnce,
                storedLost, storedDuplicated, unacknowledgedKept, counted, npsMatches, timelineOnce, timelineLost,
                timelineDuplicated, answers, phase.dependentsWentDown(), phase.recoverySeconds(),
                longestAcknowledgementGap(acknowledged), null, null, null, null, null, null);
    }

    /** The longest stretch of the phase in which no submission was acknowledged: the outage clients saw. */
    static double longestAcknowledgementGap(List<Submission> acknowledged) {
        long[] times = acknowledged.stream().mapToLong(s -> s.acknowledgedAtNanos).sorted().toArray();
        long longest = 0;
        for (int i = 1; i < times.length; i++) {
            longest = Math.max(longest, times[i] - times[i - 1]);
        }
        return longest / 1e9;
    }

    private static Map<String, Long> occurrences(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    /** The surveys and customers one kill's submissions went to, and how long the killed part took to return. */
    public record Phase(String killed, List<String> surveyIds, List<String> customers, double recoverySeconds,
                        Boolean dependentsWentDown) {
    }
}
