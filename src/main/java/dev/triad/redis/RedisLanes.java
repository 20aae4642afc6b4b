package dev.triad.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/**
 * One Redis connection per event loop for the offer path: a request's MGET goes out and its answer
 * comes back on the event loop that serves the HTTP request — no pool to take a connection from,
 * no hop to another loop's socket; requests of one loop are pipelined on its connection. A
 * connection that fails or closes is dropped and the next request of that loop opens a new one.
 * On a single Redis node, the requests of one loop turn go out together ({@link Outbox}).
 * Off an event loop (tests, start-up) the pooled client serves.
 *
 * <p>Each loop's connection comes from a client of its own, created and first used on that loop:
 * the shared pooled client binds every connection it makes to one loop whichever loop asks, and
 * that loop would then read and parse every other loop's answers (a profile showed one loop at
 * three quarters busy and the other below half).
 */
@Singleton
public class RedisLanes {

    private final Redis redis;
    private final RedisClientOptions options;
    private final Vertx vertx;
    private final Map<Thread, AtomicReference<Uni<RedisConnection>>> lanes = new ConcurrentHashMap<>();
    private final Map<Thread, Redis> clients = new ConcurrentHashMap<>();
    private final Map<Thread, Outbox> outboxes = new ConcurrentHashMap<>();
    private volatile Boolean standalone;

    public RedisLanes(Redis redis, RedisClientOptions options, Vertx vertx) {
        this.redis = redis;
        this.options = options;
        this.vertx = vertx;
    }

    public Uni<Response> send(Request request) {
        Context context = Vertx.currentContext();
        // A blocking route's worker thread carries its request's (event-loop) context too: only an event loop's own
        // thread may use its lane and outbox, which are unsynchronised by design.
        if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
            return redis.send(request);
        }
        Thread loop = Thread.currentThread();
        if (!standalone()) {
            return lane(loop).chain(connection -> connection.send(request));
        }
        return outboxes.computeIfAbsent(loop, t -> new Outbox(loop, context, () -> lane(loop))).send(request);
    }

    /** Whether Redis is a single node (its requests of a loop turn can be sent together); once known, kept. */
    private boolean standalone() {
        Boolean known = standalone;
        if (known == null) {
            RedisOptions copy = options.copy();
            if (copy == null) {
                return false;
            }
            known = copy.getType() == RedisClientType.STANDALONE;
            standalone = known;
        }
        return known;
    }

    /**
     * This loop's own client (its connections live on this loop), or the shared one without options.
     * A single node needs one connection per loop; a cluster connection holds one per master, from
     * the same pool, so a cluster client keeps the configured pool size.
     */
    private Redis clientOf(Thread loop) {
        return clients.computeIfAbsent(loop, t -> {
            RedisOptions copy = options.copy();
            if (copy == null) {
                return redis;
            }
            if (standalone()) {
                copy.setMaxPoolSize(1);
            }
            return Redis.newInstance(io.vertx.redis.client.Redis.createClient(vertx, copy));
        });
    }

    @PreDestroy
    void close() {
        clients.values().stream().filter(client -> client != redis).forEach(Redis::close);
    }

    /** This loop's connection, opened on first use (package-private for the test of its loop). */
    Uni<RedisConnection> lane(Thread loop) {
        AtomicReference<Uni<RedisConnection>> holder = lanes.computeIfAbsent(loop, t -> new AtomicReference<>());
        Uni<RedisConnection> lane = holder.get();
        if (lane != null) {
            return lane;
        }
        Uni<RedisConnection>[] opened = new Uni[1];
        opened[0] = clientOf(loop).connect()
                .invoke(connection -> {
                    connection.exceptionHandler(e -> holder.compareAndSet(opened[0], null));
                    connection.endHandler(() -> holder.compareAndSet(opened[0], null));
                })
                .onFailure().invoke(e -> holder.compareAndSet(opened[0], null))
                .memoize().indefinitely();
        return holder.compareAndSet(null, opened[0]) ? opened[0] : holder.get() == null ? opened[0] : holder.get();
    }
}
