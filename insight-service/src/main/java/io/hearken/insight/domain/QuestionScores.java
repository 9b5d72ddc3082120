package io.hearken.insight.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one question from its counted answers, each with its margin of error: which scores a question has is
 * decided by its type here, in one place.
 *
 * <ul>
 * <li>NPS on 0–10: {@code nps}.</li>
 * <li>CSAT: {@code csatTopTwoBox} (% in the scale's top two points, 4–5 on 1–5) and {@code csatMean}.</li>
 * <li>CES: {@code cesMean} and, on 1–7, {@code cesAgree} (% answering 5–7).</li>
 * <li>RATING and each MATRIX row: {@code mean}.</li>
 * <li>SINGLE_CHOICE and MULTIPLE_CHOICE: per option, the % of the question's respondents who picked it (named by the
 * option id), as a proportion with its margin.</li>
 * </ul>
 * The distribution (answers per scale point or option) comes with every question.
 */
public record QuestionScores(Question question, long count, Map<String, ScoreEstimate> scores,
                             Map<String, Long> distribution) {

    /** The scores of {@code question} from its answers per value (see {@link RollupKey#value()}). */
    public static QuestionScores of(Question question, Map<String, Long> answersByValue) {
        if (question.isScale()) {
            return ofScale(question, answersByValue);
        }
        return ofChoice(question, answersByValue);
    }

    private static QuestionScores ofScale(Question question, Map<String, Long> answersByValue) {
        long[] counts = new long[question.scaleMax() - question.scaleMin() + 1];
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int point = question.scaleMin(); point <= question.scaleMax(); point++) {
            long answers = answersByValue.getOrDefault(Integer.toString(point), 0L);
            counts[point - question.scaleMin()] = answers;
            distribution.put(Integer.toString(point), answers);
        }
        Tally tally = new Tally(question.scaleMin(), counts);
        Map<String, ScoreEstimate> scores = new LinkedHashMap<>();
        int min = question.scaleMin();
        int max = question.scaleMax();
        switch (question.type()) {
            case "NPS" -> {
                if (min == 0 && max == 10) {
                    scores.put("nps", Scores.nps(tally));
                } else {
                    scores.put("mean", Scores.mean(tally));
                }
            }
            case "CSAT" -> {
                scores.put("csatTopTwoBox", Scores.proportion(tally, max - 1, max));
                scores.put("csatMean", Scores.mean(tally));
            }
            case "CES" -> {
                scores.put("cesMean", Scores.mean(tally));
                if (min == 1 && max == 7) {
                    scores.put("cesAgree", Scores.cesAgree(tally));
                }
            }
            default -> scores.put("mean", Scores.mean(tally));
        }
        return new QuestionScores(question, tally.count(), scores, distribution);
    }

    private static QuestionScores ofChoice(Question question, Map<String, Long> answersByValue) {
        long respondents = answersByValue.getOrDefault(RollupKey.RESPONDENTS, 0L);
        Map<String, ScoreEstimate> shares = new LinkedHashMap<>();
        Map<String, Long> distribution = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> options = new ArrayList<>(answersByValue.entrySet());
        options.removeIf(entry -> RollupKey.RESPONDENTS.equals(entry.getKey()));
        options.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Long> option : options) {
            distribution.put(option.getKey(), option.getValue());
            shares.put(option.getKey(), Scores.share(option.getValue(), respondents));
        }
        return new QuestionScores(question, respondents, shares, distribution);
    }
}
