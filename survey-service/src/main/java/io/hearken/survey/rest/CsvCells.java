package io.hearken.survey.rest;

import io.hearken.survey.domain.Answer;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes export rows as RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting with =, +, -, @, a
 * tab or a carriage return) is prefixed with an apostrophe: respondents write these cells, and a CX team opens the
 * file in a spreadsheet.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String row(List<String> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One answer as a cell: the score, the text, choices joined by ';', matrix rows as row=score. */
    static String of(Answer answer) {
        if (answer == null) {
            return "";
        }
        if (answer.score() != null) {
            return String.valueOf(answer.score());
        }
        if (answer.choices() != null) {
            String choices = String.join(";", answer.choices());
            return answer.otherText() == null ? choices : choices + " (" + answer.otherText() + ")";
        }
        if (answer.rows() != null) {
            return new TreeMap<>(answer.rows()).entrySet().stream()
                    .map(row -> row.getKey() + "=" + row.getValue()).collect(Collectors.joining(";"));
        }
        if (answer.date() != null) {
            return answer.date().toString();
        }
        if (answer.consent() != null) {
            return String.valueOf(answer.consent());
        }
        return answer.text() == null ? "" : answer.text();
    }

    private static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !isNumber(safe)) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?[0-9]+");
    }
}
