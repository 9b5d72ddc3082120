package io.hearken.insight.domain.text;

import java.util.List;

/**
 * A topic a text talks about, by stable id ("delivery", "support", "billing", ...; the ids are the same in every
 * language, so dashboards can group across markets), with the phrases of the text that matched it.
 *
 * @param id      the topic id from the topic lexicons
 * @param phrases the matching words as they appear in the text, in order, without repeats
 */
public record Topic(String id, List<String> phrases) {

    public Topic {
        phrases = List.copyOf(phrases);
    }
}
