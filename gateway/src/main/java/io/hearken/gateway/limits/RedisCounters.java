package io.hearken.gateway.limits;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Counters in Redis, shared by every gateway replica: one script per request increments all its counters at once
 * (one round trip, atomic), starting a counter's window with its first request (a key that expires with the
 * window), and returns each count with the time left.
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

    private final Redis redis;

    public RedisCounters(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Future<List<Count>> increment(List<String> keys, Duration window) {
        Request request = Request.cmd(Command.EVAL).arg(INCREMENT).arg(keys.size());
        keys.forEach(request::arg);
        request.arg(window.toMillis());
        return redis.send(request).map(RedisCounters::counts);
    }

    private static List<Count> counts(Response reply) {
        List<Count> counts = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            counts.add(new Count(reply.get(i).toLong(), reply.get(i + 1).toLong()));
        }
        return counts;
    }
}
