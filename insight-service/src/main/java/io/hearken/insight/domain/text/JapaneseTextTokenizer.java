package io.hearken.insight.domain.text;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Japanese words by Lucene's kuromoji morphological analyser (IPADIC), in normal mode so compounds such as
 * 使いやすい stay whole. The key is the dictionary form, so 遅かった, 遅くて and 遅い all find 遅い, and a negation
 * like なかった shows as ない. Nouns are the keyword candidates, less the dependent, numeric and pronoun ones.
 */
final class JapaneseTextTokenizer implements TextTokenizer {

    private final ThreadLocal<Reusable> perThread = ThreadLocal.withInitial(Reusable::new);

    @Override
    public List<Token> tokenize(String text) {
        Reusable reusable = perThread.get();
        JapaneseTokenizer tokenizer = reusable.tokenizer;
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
            try {
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokens;
    }

    private static final class Reusable {
        private final JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
        private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        private final BaseFormAttribute baseForm = tokenizer.addAttribute(BaseFormAttribute.class);
        private final PartOfSpeechAttribute partOfSpeech = tokenizer.addAttribute(PartOfSpeechAttribute.class);

        Token token() {
            String surface = term.toString();
            String base = baseForm.getBaseForm();
            String pos = partOfSpeech.getPartOfSpeech();
            boolean content = pos != null && pos.startsWith("名詞") && !pos.contains("非自立") && !pos.contains("数")
                    && !pos.contains("代名詞") && !pos.contains("接尾")
                    && (surface.length() >= 2 || LanguageDetector.isHan(surface.charAt(0)));
            return new Token(base != null ? base : surface, offset.startOffset(), offset.endOffset(), content);
        }
    }
}
