package io.hearken.insight.domain.text;

import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * English words by Lucene's StandardTokenizer (Unicode word boundaries, so "isn't" stays one word), lower-cased,
 * typographic apostrophes made plain, and plurals stripped by Lucene's minimal English stemmer: "delays" finds the
 * lexicon's "delay" while "delivered" stays apart from "delivery", which a heavier stemmer would merge.
 */
final class EnglishTokenizer implements TextTokenizer {

    private final ThreadLocal<Reusable> perThread = ThreadLocal.withInitial(Reusable::new);

    @Override
    public List<Token> tokenize(String text) {
        Reusable reusable = perThread.get();
        StandardTokenizer tokenizer = reusable.tokenizer;
        List<Token> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                tokens.add(reusable.token());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } finally {
            closeQuietly(tokenizer);
        }
        return tokens;
    }

    private static void closeQuietly(StandardTokenizer tokenizer) {
        try {
            tokenizer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Reusable {
        private final StandardTokenizer tokenizer = new StandardTokenizer();
        private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        private final EnglishMinimalStemmer stemmer = new EnglishMinimalStemmer();

        Token token() {
            char[] buffer = term.buffer();
            int length = term.length();
            boolean letters = true;
            boolean apostrophe = false;
            for (int i = 0; i < length; i++) {
                char c = Character.toLowerCase(buffer[i]);
                if (c == '\u2019' || c == '\u02BC') {
                    c = '\'';
                }
                buffer[i] = c;
                apostrophe |= c == '\'';
                letters &= Character.isLetter(c) || c == '\'';
            }
            // "isn't" and "customer's" keep their form; stripping an s there would make nonsense.
            int stemmed = apostrophe ? length : stemmer.stem(buffer, length);
            return new Token(new String(buffer, 0, stemmed), offset.startOffset(), offset.endOffset(),
                    letters && length >= 3 && !apostrophe);
        }
    }
}
