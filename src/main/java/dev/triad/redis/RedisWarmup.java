package dev.triad.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Opens the pool's Redis connections while the process starts (on Lambda: during init), so that
 * no offer request spends its few milliseconds of budget on a TCP/TLS handshake and answers
 * {@code degraded} — neither the first one nor one that arrives while the others hold every open
 * connection (the pool would otherwise grow on the request's path). A Redis that is down only
 * delays start-up by the timeout below.
 */
@ApplicationScoped
public class RedisWarmup {

    private static final Logger LOG = Logger.getLogger(RedisWarmup.class);

    /** The pings under way: the offer path's own warm-up runs while they travel. */
    private CompletableFuture<?> opening = CompletableFuture.completedFuture(null);

    void open(@Observes @Priority(15) StartupEvent event, Redis redis, RedisLanes lanes, Vertx vertx,
            @ConfigProperty(name = "quarkus.redis.max-pool-size") int poolSize) {
        List<Uni<Response>> pings = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            pings.add(redis.send(Request.cmd(Command.PING)));
        }
        // Each new event-loop context lands on the next loop: twice round opens every loop's lane.
        int loops = 0;
        for (var ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        for (int i = 0; i < 2 * loops; i++) {
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            pings.add(Uni.createFrom().emitter(emitter -> context.runOnContext(v ->
                    lanes.send(Request.cmd(Command.PING)).subscribe().with(emitter::complete, emitter::fail))));
        }
        opening = Uni.join().all(pings).andFailFast().subscribeAsCompletionStage();
    }

    /** Start-up ends only once every connection is open (on Lambda: before the first invocation). */
    void await(@Observes @Priority(17) StartupEvent event) {
        try {
            opening.get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Redis did not answer at start-up (%s); offers answer degraded until it does", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
