package dev.triad.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The Redis requests one event loop makes in one turn, sent on its connection in one write once the
 * turn's other work is done. At full load a loop reads several HTTP requests per turn, and each of
 * their MGETs was a write system call of its own: a tenth of the server's CPU in a profile, and as
 * many reads for Redis. Sent together (Vert.x {@code batch}: one buffer, pipelined), they cost one.
 * A request waits at most for the end of the current turn; alone in its turn it goes out as before.
 *
 * <p>Used by one event loop only, so it needs no locking. Standalone Redis only: a cluster
 * connection refuses a batch whose keys span hash slots, and offer requests of different shops do.
 */
final class Outbox {

    private final Thread loop;
    private final Context context;
    private final Supplier<Uni<RedisConnection>> connection;
    private List<Request> requests = new ArrayList<>();
    private List<UniEmitter<? super Response>> waiting = new ArrayList<>();

    Outbox(Thread loop, Context context, Supplier<Uni<RedisConnection>> connection) {
        this.loop = loop;
        this.context = context;
        this.connection = connection;
    }

    Uni<Response> send(Request request) {
        return Uni.createFrom().emitter(emitter -> {
            if (Thread.currentThread() == loop) {
                add(request, emitter);
            } else {
                context.runOnContext(v -> add(request, emitter));
            }
        });
    }

    private void add(Request request, UniEmitter<? super Response> emitter) {
        if (requests.isEmpty()) {
            context.runOnContext(v -> flush());
        }
        requests.add(request);
        waiting.add(emitter);
    }

    private void flush() {
        List<Request> sent = requests;
        List<UniEmitter<? super Response>> answered = waiting;
        requests = new ArrayList<>();
        waiting = new ArrayList<>();
        connection.get().subscribe().with(redis -> {
            if (sent.size() == 1) {
                one(redis, sent.get(0), answered.get(0));
                return;
            }
            redis.batch(sent).subscribe().with(replies -> {
                for (int i = 0; i < answered.size(); i++) {
                    answered.get(i).complete(replies.get(i));
                }
            }, failure -> {
                // A batch fails as a whole on any error reply: each request is asked again alone,
                // so that one bad command fails by itself and the others still get their answers.
                for (int i = 0; i < sent.size(); i++) {
                    one(redis, sent.get(i), answered.get(i));
                }
            });
        }, failure -> answered.forEach(emitter -> emitter.fail(failure)));
    }

    private static void one(RedisConnection redis, Request request, UniEmitter<? super Response> emitter) {
        redis.send(request).subscribe().with(emitter::complete, emitter::fail);
    }
}
