package io.hearken.insight.domain.text;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chinese words by Lucene's smartcn segmenter (a hidden Markov model over a Simplified Chinese dictionary), so
 * Traditional text is converted to Simplified before it gets here. Punctuation tokens are dropped (clause
 * boundaries are read from the text between words); words of two or more characters are keyword candidates.
 */
final class ChineseTextTokenizer implements TextTokenizer {

    private final ThreadLocal<Reusable> perThread = ThreadLocal.withInitial(Reusable::new);

    @Override
    public List<Token> tokenize(String text) {
        Reusable reusable = perThread.get();
        HMMChineseTokenizer tokenizer = reusable.tokenizer;
        List<Token> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                Token token = reusable.token();
                if (token != null) {
                    tokens.add(token);
                }
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokens;
    }

    private static final class Reusable {
        private final HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
        private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);

        Token token() {
            String word = term.toString();
            boolean han = false;
            boolean wordLike = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                han |= LanguageDetector.isHan(c);
                wordLike |= Character.isLetterOrDigit(c);
            }
            if (!wordLike) {
                return null;
            }
            boolean content = han ? word.length() >= 2 : word.length() >= 3 && Character.isLetter(word.charAt(0));
            return new Token(word.toLowerCase(Locale.ROOT), offset.startOffset(), offset.endOffset(), content);
        }
    }
}
