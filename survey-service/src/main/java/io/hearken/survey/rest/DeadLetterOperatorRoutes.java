package io.hearken.survey.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hearken.common.consumer.DeadLetter;
import io.hearken.common.consumer.DeadLetters;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The operator's view of the dead-letter topic, across tenants, on the management interface only (never on the API
 * port, never through the gateway): {@code GET /q/dead-letters} and {@code POST /q/dead-letters/redrive}, with
 * optional {@code tenant}, {@code consumer}, {@code id} (repeatable) and {@code again} query parameters, JSON or, with
 * {@code format=text}, a summary by tenant and consumer. {@code ./hearken dead-letters} calls these.
 */
@ApplicationScoped
public class DeadLetterOperatorRoutes {

    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;

    public DeadLetterOperatorRoutes(DeadLetters deadLetters, ObjectMapper objectMapper) {
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
    }

    void register(@Observes ManagementInterface management) {
        // Reading the topic blocks: off the event loop.
        management.router().get("/q/dead-letters").blockingHandler(context ->
                answer(context, deadLetters.list(parameter(context, "tenant"), parameter(context, "consumer")), 200));
        management.router().post("/q/dead-letters/redrive").blockingHandler(context ->
                answer(context, deadLetters.redrive(parameter(context, "tenant"), parameter(context, "consumer"),
                        context.queryParam("id"), "true".equals(parameter(context, "again"))), 202));
    }

    private void answer(RoutingContext context, List<DeadLetter> letters, int status) {
        try {
            if ("text".equals(parameter(context, "format"))) {
                context.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end(summary(letters));
            } else {
                context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(objectMapper.writeValueAsString(letters));
            }
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    static String summary(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return "no dead letters\n";
        }
        Map<String, Map<String, List<DeadLetter>>> byTenant = letters.stream().collect(Collectors.groupingBy(
                DeadLetter::tenant, TreeMap::new, Collectors.groupingBy(DeadLetter::consumer, TreeMap::new,
                        Collectors.toList())));
        StringBuilder text = new StringBuilder();
        byTenant.forEach((tenant, byConsumer) -> byConsumer.forEach((consumer, list) -> {
            long waiting = list.stream().filter(letter -> letter.redrivenAt() == null).count();
            text.append("tenant ").append(tenant).append(", consumer ").append(consumer).append(": ")
                    .append(list.size()).append(" dead letter(s), ").append(waiting).append(" not redriven\n");
            for (DeadLetter letter : list) {
                text.append("  ").append(letter.id()).append("  ").append(letter.topic()).append('-')
                        .append(letter.partition()).append('@').append(letter.offset()).append("  event ")
                        .append(letter.eventId()).append("  ").append(letter.failedAt())
                        .append(letter.redrivenAt() == null ? "" : "  redriven " + letter.redrivenAt())
                        .append("\n      ").append(firstLine(letter.error())).append('\n');
            }
        }));
        return text.toString();
    }

    private static String firstLine(String error) {
        if (error == null) {
            return "";
        }
        String line = error.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String parameter(RoutingContext context, String name) {
        List<String> values = context.queryParam(name);
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
