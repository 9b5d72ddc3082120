package io.hearken.insight.domain.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A polarity classifier learned from labelled customer comments ({@code text/training-<code>.tsv}, written for this
 * project, 160 comments per label and language): multinomial logistic regression over which words and pairs of
 * adjacent words a comment contains, and over the lexicons' reading of it (its score, and whether that is polar
 * either way). It learns what a lexicon cannot list, complaints and praise told as situations in words that are
 * neutral one by one ("third time I've had to explain", 返金がまだ振り込まれていない, 没看说明书就装好了), and how far to
 * trust the lexicons' reading against them. Pairs carry negation and its scope ("never replied", 来る・ない, 没有・回复)
 * without a rule for it.
 *
 * <p>Training is deterministic (a fixed shuffle, AdaGrad steps, L2 decay) and takes milliseconds, so it runs when the
 * analyser is built and nothing is stored. The words a verdict rests on are returned as cues, so a learned label
 * comes with its evidence like a lexicon's.
 */
final class LearnedPolarity {

    private static final int LABELS = SentimentLabel.values().length;
    private static final int MAX_CUES = 3;
    private static final int EPOCHS = 40;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-4;
    private static final long SHUFFLE_SEED = 20261127L;
    /** Inputs besides the words: bias, the lexicons' score, their reading polar-positive, polar-negative. */
    private static final int DENSE = 4;

    private final Map<String, Integer> index;
    private final double[][] weights;

    private LearnedPolarity(Map<String, Integer> index, double[][] weights) {
        this.index = index;
        this.weights = weights;
    }

    /** One labelled comment, tokenized by its language's tokenizer, with the lexicons' score of it. */
    record Example(List<Token> tokens, double lexicalScore, SentimentLabel label) {
    }

    /**
     * What the classifier makes of a text.
     *
     * @param label       the most probable label
     * @param probability its probability, 1/3..1
     * @param cues        the words and pairs of the text that favour it most, strongest first, not overlapping
     */
    record Verdict(SentimentLabel label, double probability, List<Cue> cues) {
    }

    /** Words of the text that favour a label: tokens {@code first..last}, and by how much (their weight for it). */
    record Cue(int first, int last, double weight) {
    }

    static LearnedPolarity train(List<Example> examples) {
        Map<String, Integer> index = new HashMap<>();
        List<int[]> encoded = new ArrayList<>(examples.size());
        for (Example example : examples) {
            Map<String, int[]> features = features(example.tokens());
            int[] ids = new int[features.size()];
            int n = 0;
            for (String feature : features.keySet()) {
                ids[n++] = index.computeIfAbsent(feature, f -> DENSE + index.size());
            }
            Arrays.sort(ids);
            encoded.add(ids);
        }
        int size = DENSE + index.size();
        double[][] weights = new double[LABELS][size];
        double[][] squared = new double[LABELS][size];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random shuffle = new Random(SHUFFLE_SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, shuffle);
            for (int i : order) {
                Example example = examples.get(i);
                double[] dense = dense(example.lexicalScore());
                int[] ids = encoded.get(i);
                double[] probabilities = probabilities(weights, dense, ids);
                for (int label = 0; label < LABELS; label++) {
                    double gradient = probabilities[label] - (example.label().ordinal() == label ? 1.0 : 0.0);
                    for (int d = 0; d < DENSE; d++) {
                        step(weights[label], squared[label], d, gradient * dense[d]);
                    }
                    for (int id : ids) {
                        step(weights[label], squared[label], id, gradient);
                    }
                }
            }
        }
        return new LearnedPolarity(index, weights);
    }

    private static void step(double[] weights, double[] squared, int at, double gradient) {
        double g = gradient + L2 * weights[at];
        squared[at] += g * g;
        weights[at] -= LEARNING_RATE * g / (Math.sqrt(squared[at]) + 1e-8);
    }

    Verdict classify(List<Token> tokens, double lexicalScore) {
        Map<String, int[]> features = features(tokens);
        List<int[]> known = new ArrayList<>();
        int[] ids = new int[features.size()];
        int n = 0;
        for (Map.Entry<String, int[]> feature : features.entrySet()) {
            Integer id = index.get(feature.getKey());
            if (id != null) {
                ids[n++] = id;
                known.add(new int[] {feature.getValue()[0], feature.getValue()[1], id});
            }
        }
        double[] probabilities = probabilities(weights, dense(lexicalScore), Arrays.copyOf(ids, n));
        int best = 0;
        for (int label = 1; label < LABELS; label++) {
            if (probabilities[label] > probabilities[best]) {
                best = label;
            }
        }
        return new Verdict(SentimentLabel.values()[best], probabilities[best], cues(known, best));
    }

    private static double[] dense(double lexicalScore) {
        return new double[] {1.0, lexicalScore, lexicalScore >= SentimentLabel.THRESHOLD ? 1.0 : 0.0,
                lexicalScore <= -SentimentLabel.THRESHOLD ? 1.0 : 0.0};
    }

    private static double[] probabilities(double[][] weights, double[] dense, int[] ids) {
        double[] scores = new double[LABELS];
        double max = Double.NEGATIVE_INFINITY;
        for (int label = 0; label < LABELS; label++) {
            double score = 0.0;
            for (int d = 0; d < DENSE; d++) {
                score += weights[label][d] * dense[d];
            }
            for (int id : ids) {
                score += weights[label][id];
            }
            scores[label] = score;
            max = Math.max(max, score);
        }
        double sum = 0.0;
        for (int label = 0; label < LABELS; label++) {
            scores[label] = Math.exp(scores[label] - max);
            sum += scores[label];
        }
        for (int label = 0; label < LABELS; label++) {
            scores[label] /= sum;
        }
        return scores;
    }

    /** The words pointing most to the label against the likeliest other one, skipping overlaps with stronger ones. */
    private List<Cue> cues(List<int[]> known, int label) {
        List<Cue> candidates = new ArrayList<>();
        for (int[] feature : known) {
            double rival = Double.NEGATIVE_INFINITY;
            for (int other = 0; other < LABELS; other++) {
                if (other != label) {
                    rival = Math.max(rival, weights[other][feature[2]]);
                }
            }
            double weight = weights[label][feature[2]] - rival;
            if (weight > 0) {
                candidates.add(new Cue(feature[0], feature[1], weight));
            }
        }
        candidates.sort(Comparator.comparingDouble(Cue::weight).reversed().thenComparingInt(Cue::first));
        List<Cue> cues = new ArrayList<>(MAX_CUES);
        for (Cue candidate : candidates) {
            if (cues.size() == MAX_CUES) {
                break;
            }
            if (cues.stream().noneMatch(cue -> candidate.first() <= cue.last() && cue.first() <= candidate.last())) {
                cues.add(candidate);
            }
        }
        return cues;
    }

    /** Each word and pair of adjacent words of the text, once, with where it first occurs (first and last token). */
    private static Map<String, int[]> features(List<Token> tokens) {
        Map<String, int[]> features = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            features.putIfAbsent(tokens.get(i).key(), new int[] {i, i});
            if (i + 1 < tokens.size()) {
                features.putIfAbsent(tokens.get(i).key() + ' ' + tokens.get(i + 1).key(), new int[] {i, i + 1});
            }
        }
        return features;
    }
}
