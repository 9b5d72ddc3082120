package io.hearken.chaos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A bench's command line, {@code --name value} pairs, each name one the bench knows. */
final class BenchOptions {

    private BenchOptions() {
    }

    /** The options of {@code args} by name (without the dashes); an unknown name or one without a value is refused. */
    static Map<String, String> parse(String[] args, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or no value: " + args[i] + " (options: "
                        + known + ")");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }
}
