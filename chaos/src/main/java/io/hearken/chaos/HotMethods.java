package io.hearken.chaos;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a process spent its CPU during a benchmark: reads a Java Flight Recorder file ({@code jcmd <pid> JFR.start})
 * and prints the share of execution samples by the method on top of the stack and by the area of code anywhere on
 * it (TLS and token checks, rate limits, the HTTP client, JSON, logging ...): {@code HotMethods <file.jfr> [top]}.
 */
public final class HotMethods {

    /** Areas of the gateway's work, by a part of the class names in a sample's stack; the first that matches. */
    private static final List<String[]> AREAS = List.of(
            new String[] {"token verification (quarkus-oidc, jose4j)", "org.jose4j", "io.quarkus.oidc"},
            new String[] {"rate limits (Redis client)", "io.hearken.gateway.limits", "io.vertx.redis"},
            new String[] {"hop credential (HMAC)", "io.hearken.common.security", "javax.crypto", "sun.security"},
            new String[] {"relay to the service (HTTP client)", "io.hearken.gateway.client", "HttpClient"},
            new String[] {"path normalisation and routing", "io.hearken.gateway.routing"},
            new String[] {"logging", "org.jboss.logmanager", "org.jboss.logging"},
            new String[] {"metrics", "io.micrometer"},
            new String[] {"HTTP server and Netty I/O", "io.netty", "io.vertx.core.http", "io.vertx.ext.web"});

    private HotMethods() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byArea = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame topFrame = stack.getFrames().get(0);
            byMethod.merge(topFrame.getMethod().getType().getName() + "." + topFrame.getMethod().getName(), 1,
                    Integer::sum);
            byArea.merge(area(stack), 1, Integer::sum);
        }
        System.out.printf("%d execution samples%n%nby area (first match from the top of the stack):%n", samples);
        print(byArea, samples, top);
        System.out.printf("%nby method on top of the stack:%n");
        print(byMethod, samples, top);
    }

    private static String area(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String[] area : AREAS) {
                for (int i = 1; i < area.length; i++) {
                    if (type.contains(area[i])) {
                        return area[0];
                    }
                }
            }
        }
        return "other (JVM, GC, threads)";
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / samples,
                        entry.getKey()));
    }
}
