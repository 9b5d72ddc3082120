package io.hearken.gateway.limits;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters in Redis, shared by every gateway replica: one script per request increments all its counters at once
 * (one round trip, atomic), starting a counter's window with its first request (a key that expires with the
 * window), and returns each count with the time left. Every request goes over one connection, pipelined: a pool
 * handing out a connection per request cost more than the script (measured: docs/benchmarks.md); a connection that
 * fails is dropped and the next request opens another.
 */
public final class RedisCounters implements Counters {

    private static final String INCREMENT = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local requests = redis.call('INCR', key)
              if requests == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
              local left = redis.call('PTTL', key)
              if left < 0 then
                redis.call('PEXPIRE', key, ARGV[1])
                left = tonumber(ARGV[1])
              end
              out[#out + 1] = requests
              out[#out + 1] = left
            end
            return out
            """;

    /** The script's SHA-1, by which Redis runs it once it has it: the script is not sent with every request. */
    private static final String INCREMENT_SHA = sha1(INCREMENT);

    private final Redis redis;
    private final AtomicReference<Future<RedisConnection>> connection = new AtomicReference<>();

    public RedisCounters(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Future<List<Count>> increment(List<String> keys, Duration window) {
        return connected().compose(open -> open.send(script(Command.EVALSHA, INCREMENT_SHA, keys, window))
                        .recover(failure -> failure.getMessage() != null
                                && failure.getMessage().startsWith("NOSCRIPT")
                                // A Redis that restarted (or another one) does not have it yet: send it once.
                                ? open.send(script(Command.EVAL, INCREMENT, keys, window))
                                : dropped(open, failure)))
                .map(RedisCounters::counts);
    }

    /** The one connection, opened by the first request that needs it. */
    private Future<RedisConnection> connected() {
        Future<RedisConnection> current = connection.get();
        if (current != null && !current.failed()) {
            return current;
        }
        Future<RedisConnection> opening = redis.connect().onSuccess(open -> open
                .exceptionHandler(failure -> {
                    connection.set(null);
                    open.close();
                })
                .endHandler(ended -> connection.set(null)));
        connection.compareAndSet(current, opening);
        return opening;
    }

    private <T> Future<T> dropped(RedisConnection open, Throwable failure) {
        if (connection.get() != null && connection.get().succeeded() && connection.get().result() == open) {
            connection.set(null);
            open.close();
        }
        return Future.failedFuture(failure);
    }

    private static Request script(Command command, String script, List<String> keys, Duration window) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        return request.arg(window.toMillis());
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static List<Count> counts(Response reply) {
        List<Count> counts = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            counts.add(new Count(reply.get(i).toLong(), reply.get(i + 1).toLong()));
        }
        return counts;
    }
}
