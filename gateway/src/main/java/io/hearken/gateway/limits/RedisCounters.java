package io.hearken.gateway.limits;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The counters in Redis, shared by every gateway replica. A script adds a replica's requests to many counters at once
 * (atomic, one round trip for a whole sync), starting a counter's window with its first request (a key that expires
 * with the window), and answers each count with the time left. The script is sent whole each time: at a few syncs a
 * second its bytes cost nothing, and a Redis that restarted needs nothing loaded first. Everything goes over one
 * connection, opened by the first sync that needs it; one that fails is dropped and the next sync opens another.
 */
final class RedisCounters implements SharedCounters {

    private static final String ADD = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local added = tonumber(ARGV[i + 1])
              local requests
              if added > 0 then
                requests = redis.call('INCRBY', key, added)
              else
                requests = tonumber(redis.call('GET', key) or '0')
              end
              local left = redis.call('PTTL', key)
              if left == -1 then
                redis.call('PEXPIRE', key, ARGV[1])
                left = tonumber(ARGV[1])
              elseif left == -2 then
                left = 0
              end
              out[#out + 1] = requests
              out[#out + 1] = left
            end
            return out
            """;

    /** Counters per script: a script runs alone in Redis, so a long one would hold up its other clients. */
    private static final int KEYS_PER_SCRIPT = 500;

    private final Redis redis;
    private final AtomicReference<Future<RedisConnection>> connection = new AtomicReference<>();

    RedisCounters(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Future<List<Count>> add(List<String> keys, List<Long> increments, Duration window) {
        List<Request> scripts = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_SCRIPT) {
            int to = Math.min(keys.size(), from + KEYS_PER_SCRIPT);
            Request script = Request.cmd(Command.EVAL).arg(ADD).arg(to - from);
            keys.subList(from, to).forEach(script::arg);
            script.arg(window.toMillis());
            increments.subList(from, to).forEach(script::arg);
            scripts.add(script);
        }
        return connected().compose(open -> open.batch(scripts).recover(failure -> {
            dropped(open);
            return Future.failedFuture(failure);
        })).map(RedisCounters::counts);
    }

    @Override
    public void disconnect() {
        Future<RedisConnection> current = connection.getAndSet(null);
        if (current != null) {
            current.onSuccess(RedisConnection::close);
        }
    }

    /** The one connection, opened by the first sync that needs it. */
    private Future<RedisConnection> connected() {
        Future<RedisConnection> current = connection.get();
        if (current != null && !current.failed()) {
            return current;
        }
        Promise<RedisConnection> opening = Promise.promise();
        if (!connection.compareAndSet(current, opening.future())) {
            return connected();
        }
        redis.connect().onComplete(opening);
        return opening.future().onSuccess(open -> open
                .exceptionHandler(failure -> dropped(open))
                .endHandler(ended -> dropped(open)));
    }

    private void dropped(RedisConnection open) {
        Future<RedisConnection> current = connection.get();
        if (current != null && current.succeeded() && current.result() == open) {
            connection.compareAndSet(current, null);
        }
        open.close();
    }

    private static List<Count> counts(List<Response> replies) {
        List<Count> counts = new ArrayList<>();
        for (Response reply : replies) {
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                counts.add(new Count(reply.get(i).toLong(), reply.get(i + 1).toLong()));
            }
        }
        return counts;
    }
}
