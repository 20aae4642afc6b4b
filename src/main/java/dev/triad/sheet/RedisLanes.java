package dev.triad.sheet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * One Redis connection per event loop for the offer path: a request's MGET goes out and its answer
 * comes back on the event loop that serves the HTTP request — no pool to take a connection from,
 * no hop to another loop's socket; requests of one loop are pipelined on its connection. A
 * connection that fails or closes is dropped and the next request of that loop opens a new one.
 * Off an event loop (tests, start-up) the pooled client serves.
 */
@ApplicationScoped
public class RedisLanes {

    private final Redis redis;
    private final Map<Thread, AtomicReference<Uni<RedisConnection>>> lanes = new ConcurrentHashMap<>();

    public RedisLanes(Redis redis) {
        this.redis = redis;
    }

    public Uni<Response> send(Request request) {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            return redis.send(request);
        }
        return lane(Thread.currentThread()).chain(connection -> connection.send(request));
    }

    private Uni<RedisConnection> lane(Thread loop) {
        AtomicReference<Uni<RedisConnection>> holder = lanes.computeIfAbsent(loop, t -> new AtomicReference<>());
        Uni<RedisConnection> lane = holder.get();
        if (lane != null) {
            return lane;
        }
        Uni<RedisConnection>[] opened = new Uni[1];
        opened[0] = redis.connect()
                .invoke(connection -> {
                    connection.exceptionHandler(e -> holder.compareAndSet(opened[0], null));
                    connection.endHandler(() -> holder.compareAndSet(opened[0], null));
                })
                .onFailure().invoke(e -> holder.compareAndSet(opened[0], null))
                .memoize().indefinitely();
        return holder.compareAndSet(null, opened[0]) ? opened[0] : holder.get() == null ? opened[0] : holder.get();
    }
}
