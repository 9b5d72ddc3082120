package io.hearken.insight.domain.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the analyser's lexicon files from the classpath ({@code text/} in the service's resources): one entry a
 * line, tab-separated fields, '#' comment lines and blank lines skipped. A missing file is a packaging error, so it
 * fails the analyser's construction instead of silently analysing without a lexicon.
 */
final class LexiconSource {

    private static final String FOLDER = "text/";

    private LexiconSource() {
    }

    /** The entries of {@code text/<name>}, each split on tabs and trimmed. */
    static List<String[]> rows(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(name)) {
            String[] fields = line.split("\t");
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            rows.add(fields);
        }
        return rows;
    }

    /** The whitespace-separated words of {@code text/<name>}. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String line : lines(name)) {
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static List<String> lines(String name) {
        String path = FOLDER + name;
        try (InputStream in = LexiconSource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("lexicon missing from the classpath: " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(stripped);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + path, e);
        }
    }
}
