package io.hearken.common.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hearken.common.problem.ProblemException;

import java.util.List;
import java.util.function.Function;

/**
 * One page of any list of the API: its items, and {@code next}, the opaque cursor that the caller sends back as
 * {@code after} for the following page (absent on the last page). Every list answers in this shape so that a client
 * pages through all of them with one loop; {@link NextPageLink} adds the same next page as a {@code Link} header.
 *
 * @param items the page, in the list's order
 * @param next  the cursor of the following page, null (absent) on the last page
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {

    /** The page size when the caller asks for none; a string because {@code @DefaultValue} takes one. */
    public static final String DEFAULT_LIMIT = "50";
    /** The largest page any list gives: keeps one answer's memory and time bounded. */
    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from {@code fetched}, which holds up to {@code limit + 1} rows in the list's order: the extra row only
     * says that there is a next page, which then starts after the last row shown. Fetching one more row than shown
     * is what keeps the last page from ending with an empty one.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, T> view,
                                    Function<R, PageCursor> position) {
        List<R> shown = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        String next = fetched.size() > limit ? position.apply(shown.get(shown.size() - 1)).token() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /**
     * The {@code limit} parameter read by hand, for resources that take it as text: absent is the default, anything
     * but a whole number from 1 to {@code max} is a 400 naming {@code limit}.
     */
    public static int limit(String asked, int max) {
        if (asked == null || asked.isBlank()) {
            return Math.min(Integer.parseInt(DEFAULT_LIMIT), max);
        }
        try {
            int limit = Integer.parseInt(asked.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max + ", was '"
                + asked + "'");
    }
}
