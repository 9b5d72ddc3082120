package io.hearken.survey.rest;

import io.hearken.common.problem.Problem;
import io.hearken.survey.service.Batches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What became of each item of a batch: {@code kept} (new), {@code duplicate} (known already: a re-uploaded line, a
 * repeated item; nothing new kept), {@code refused} (the item is wrong: its errors name the fields) or
 * {@code failed} (a dependency was away: retry the batch). Items are numbered from 1, lines of an upload by line.
 */
public record BatchReport(int kept, int duplicates, int refused, int failed, List<Item> items) {

    /** One item's outcome. */
    public record Item(int number, String status, String id, String detail, List<Problem.FieldError> errors) {
    }

    /** An item as the caller numbers it, and its outcome. */
    record Numbered<R>(int number, Batches.Outcome<R> outcome) {
    }

    /** The report: {@code early} items refused before any command, then the outcomes of the commands run. */
    static <R> BatchReport of(List<Item> early, List<Numbered<R>> outcomes, Function<R, String> idOf,
                              Function<R, Boolean> duplicate) {
        List<Item> items = new ArrayList<>(early);
        for (Numbered<R> numbered : outcomes) {
            Batches.Outcome<R> outcome = numbered.outcome();
            if (outcome.kept()) {
                boolean known = duplicate.apply(outcome.result());
                items.add(new Item(numbered.number(), known ? "duplicate" : "kept", idOf.apply(outcome.result()),
                        null, List.of()));
            } else {
                boolean failed = outcome.problem().status() >= 500;
                items.add(new Item(numbered.number(), failed ? "failed" : "refused", null,
                        outcome.problem().getMessage(), outcome.problem().errors()));
            }
        }
        items.sort(Comparator.comparingInt(Item::number));
        return new BatchReport(count(items, "kept"), count(items, "duplicate"), count(items, "refused"),
                count(items, "failed"), items);
    }

    static Item refused(int number, String detail, List<Problem.FieldError> errors) {
        return new Item(number, "refused", null, detail, errors);
    }

    private static int count(List<Item> items, String status) {
        return (int) items.stream().filter(item -> item.status().equals(status)).count();
    }
}
