package dev.triad.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Bulk writes and reads, pipelined: requests go in chunks of {@value #CHUNK} per round trip, so a
 * rebuild of fifty thousand sheets costs a hundred round trips, not fifty thousand. Blocking: for
 * admin work on worker threads only, never the offer path. All requests of one call must share a
 * shop's hash tag (one slot), which every key built by {@link Keys} does.
 */
@ApplicationScoped
public class RedisBatches {

    static final int CHUNK = 500;

    /** A stalled Redis fails the request (503 to a webhook) well within Shopify's 5 s, instead of holding it. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final Redis redis;

    public RedisBatches(Redis redis) {
        this.redis = redis;
    }

    public List<Response> send(List<Request> requests) {
        List<Response> responses = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += CHUNK) {
            List<Request> chunk = requests.subList(from, Math.min(requests.size(), from + CHUNK));
            responses.addAll(redis.batch(chunk).await().atMost(WAIT));
        }
        return responses;
    }

    public Response send(Request request) {
        return redis.send(request).await().atMost(WAIT);
    }
}
