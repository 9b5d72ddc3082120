package io.hearken.insight.domain.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned classifier on small corpora written here, tokenized on spaces, so each case shows one thing it learns. */
class LearnedPolarityTest {

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int start = 0;
        for (String word : text.split(" ")) {
            tokens.add(new Token(word, start, start + word.length(), true));
            start += word.length() + 1;
        }
        return tokens;
    }

    private static LearnedPolarity.Example example(String text, SentimentLabel label) {
        return new LearnedPolarity.Example(tokens(text), 0.0, label);
    }

    private static final List<LearnedPolarity.Example> WAITING = List.of(
            example("still waiting for my refund", SentimentLabel.NEGATIVE),
            example("still waiting for the parcel", SentimentLabel.NEGATIVE),
            example("still no answer from support", SentimentLabel.NEGATIVE),
            example("called three times about the refund", SentimentLabel.NEGATIVE),
            example("refund arrived the next day", SentimentLabel.POSITIVE),
            example("parcel arrived a day early", SentimentLabel.POSITIVE),
            example("support answered within minutes", SentimentLabel.POSITIVE),
            example("arrived before the weekend as promised", SentimentLabel.POSITIVE),
            example("where is the refund form", SentimentLabel.NEUTRAL),
            example("the parcel is for my sister", SentimentLabel.NEUTRAL),
            example("i called support on monday", SentimentLabel.NEUTRAL),
            example("is the parcel coming on monday", SentimentLabel.NEUTRAL));

    @Test
    void learnsComplaintsAndPraiseToldWithoutASentimentWord() {
        LearnedPolarity learned = LearnedPolarity.train(WAITING);
        assertEquals(SentimentLabel.NEGATIVE, learned.classify(tokens("still waiting for the invoice"), 0.0).label());
        assertEquals(SentimentLabel.POSITIVE, learned.classify(tokens("the invoice arrived early"), 0.0).label());
        assertEquals(SentimentLabel.NEUTRAL, learned.classify(tokens("is the invoice for my sister"), 0.0).label());
    }

    @Test
    void theCuesAreTheWordsThatFavourTheLabelAtMostThreeAndNotOverlapping() {
        List<Token> text = tokens("my order is still waiting in the depot");
        LearnedPolarity.Verdict verdict = LearnedPolarity.train(WAITING).classify(text, 0.0);
        assertEquals(SentimentLabel.NEGATIVE, verdict.label());
        assertTrue(!verdict.cues().isEmpty() && verdict.cues().size() <= 3, verdict.cues().toString());
        LearnedPolarity.Cue strongest = verdict.cues().get(0);
        String words = String.join(" ", text.subList(strongest.first(), strongest.last() + 1).stream()
                .map(Token::key).toList());
        assertTrue(words.contains("still") || words.contains("waiting"), words);
        for (int a = 0; a < verdict.cues().size(); a++) {
            LearnedPolarity.Cue cue = verdict.cues().get(a);
            assertTrue(cue.weight() > 0);
            for (int b = a + 1; b < verdict.cues().size(); b++) {
                LearnedPolarity.Cue other = verdict.cues().get(b);
                assertTrue(cue.last() < other.first() || other.last() < cue.first(), verdict.cues().toString());
                assertTrue(cue.weight() >= other.weight());
            }
        }
    }

    @Test
    void itLearnsHowFarToTrustTheLexiconsReading() {
        // Words that say nothing, and a lexicon score that says it all: the classifier follows the score
        List<LearnedPolarity.Example> examples = new ArrayList<>();
        String[] filler = {"the order", "my account", "this visit", "the app", "your store", "the delivery"};
        for (String words : filler) {
            examples.add(new LearnedPolarity.Example(tokens(words), -0.7, SentimentLabel.NEGATIVE));
            examples.add(new LearnedPolarity.Example(tokens(words), 0.7, SentimentLabel.POSITIVE));
            examples.add(new LearnedPolarity.Example(tokens(words), 0.0, SentimentLabel.NEUTRAL));
        }
        LearnedPolarity learned = LearnedPolarity.train(examples);
        assertEquals(SentimentLabel.NEGATIVE, learned.classify(tokens("the invoice"), -0.6).label());
        assertEquals(SentimentLabel.POSITIVE, learned.classify(tokens("the invoice"), 0.6).label());
        assertEquals(SentimentLabel.NEUTRAL, learned.classify(tokens("the invoice"), 0.0).label());
    }

    @Test
    void trainingIsDeterministicAndProbabilitiesAreProper() {
        LearnedPolarity first = LearnedPolarity.train(WAITING);
        LearnedPolarity second = LearnedPolarity.train(WAITING);
        for (String text : List.of("still waiting", "arrived early", "unknown words only", "")) {
            LearnedPolarity.Verdict a = first.classify(tokens(text), 0.1);
            LearnedPolarity.Verdict b = second.classify(tokens(text), 0.1);
            assertEquals(a, b, text);
            assertTrue(a.probability() >= 1.0 / 3 && a.probability() <= 1.0, text + ": " + a.probability());
        }
    }
}
