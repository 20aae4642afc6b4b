package dev.triad.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Each event loop's Redis lane lives on that loop, so every loop reads and parses its own answers.
 * (Handed connections by the shared pooled client, every lane sat on one loop: that loop did the
 * Redis work of all of them and the offer path's throughput fell by a third.) The connection's loop
 * is Vert.x-internal state, read here by reflection.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class RedisLanesTest {

    @Inject
    RedisLanes lanes;

    @Inject
    Vertx vertx;

    @Test
    void shouldKeepEachEventLoopsRedisConnectionOnThatLoop() throws Exception {
        int loops = 0;
        for (var ignored : vertx.nettyEventLoopGroup()) {
            loops++;
        }
        List<CompletableFuture<Object[]>> checks = new ArrayList<>();
        for (int i = 0; i < 2 * loops; i++) {
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            CompletableFuture<Object[]> check = new CompletableFuture<>();
            context.runOnContext(v -> {
                Object loop = ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
                lanes.lane(Thread.currentThread()).subscribe().with(connection -> {
                    try {
                        check.complete(new Object[] { loop, socketLoop(connection.getDelegate(), 0) });
                    } catch (IllegalAccessException e) {
                        check.completeExceptionally(e);
                    }
                }, check::completeExceptionally);
            });
            checks.add(check);
        }
        Set<Object> loopsSeen = new HashSet<>();
        for (CompletableFuture<Object[]> check : checks) {
            Object[] loopAndSocket = check.get(Duration.ofSeconds(5).toSeconds(), TimeUnit.SECONDS);
            loopsSeen.add(loopAndSocket[0]);
            assertThat(loopAndSocket[1]).as("the loop of the lane's connection").isSameAs(loopAndSocket[0]);
        }
        assertThat(loopsSeen).as("lanes of distinct loops checked").hasSize(loops);
    }

    @Test
    void shouldSendTheRequestsOfOneLoopTurnTogetherEachGettingItsOwnReply() throws Exception {
        int requests = 20;
        for (int i = 0; i < requests; i++) {
            Redis.command("SET", "lanes-test:" + i, "value-" + i);
        }
        Context context = ((VertxInternal) vertx).createEventLoopContext();
        onLoop(context, List.of(get("lanes-test:0"))).get(5, TimeUnit.SECONDS); // the lane is open

        long readsBefore = readsByRedis();
        List<Request> gets = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            gets.add(get("lanes-test:" + i));
        }
        List<String> replies = onLoop(context, gets).get(5, TimeUnit.SECONDS);
        long reads = readsByRedis() - readsBefore;

        for (int i = 0; i < requests; i++) {
            assertThat(replies.get(i)).as("reply to request " + i).isEqualTo("value-" + i);
        }
        assertThat(reads).as("reads Redis made for %d requests of one turn (and one INFO)", requests)
                .isLessThan(requests / 2);
    }

    @Test
    void shouldFailOnlyTheRequestThatFailsWhenATurnsRequestsGoOutTogether() throws Exception {
        Redis.command("SET", "lanes-good", "fine");
        Redis.command("HSET", "lanes-hash", "field", "value");
        Context context = ((VertxInternal) vertx).createEventLoopContext();

        List<String> replies = onLoop(context, List.of(get("lanes-good"), get("lanes-hash"), get("lanes-good")))
                .get(5, TimeUnit.SECONDS);

        assertThat(replies).containsExactly("fine", "failed: WRONGTYPE", "fine");
    }

    private static Request get(String key) {
        return Request.cmd(Command.GET).arg(key);
    }

    /** Sends {@code requests} from one task of {@code context}'s loop; each reply as text, or "failed: " and the error's first word. */
    private CompletableFuture<List<String>> onLoop(Context context, List<Request> requests) {
        CompletableFuture<List<String>> all = new CompletableFuture<>();
        context.runOnContext(v -> {
            List<Uni<String>> replies = new ArrayList<>();
            for (Request request : requests) {
                replies.add(lanes.send(request).map(Response::toString)
                        .onFailure().recoverWithItem(e -> "failed: " + e.getMessage().split(" ")[0]));
            }
            Uni.join().all(replies).andFailFast().subscribe().with(all::complete, all::completeExceptionally);
        });
        return all;
    }

    private static long readsByRedis() {
        Matcher m = Pattern.compile("total_reads_processed:(\\d+)").matcher(Redis.command("INFO", "stats"));
        assertThat(m.find()).as("Redis reports its reads (6.0 and later)").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The event loop of the first Vert.x context found inside the connection (a pooled wrapper around it). */
    private static Object socketLoop(Object connection, int depth) throws IllegalAccessException {
        if (connection == null || depth > 3) {
            return null;
        }
        for (Class<?> c = connection.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(connection);
                if (value instanceof ContextInternal context) {
                    return context.nettyEventLoop();
                }
                boolean inner = value != null && (value.getClass().getName().startsWith("io.vertx.redis")
                        || value.getClass().getName().contains("Lease"));
                Object found = inner ? socketLoop(value, depth + 1) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
