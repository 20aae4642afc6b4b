package dev.triad.webhook;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.problem.ProblemException;
import dev.triad.problem.StoreTrouble;

/**
 * WooCommerce deliveries that arrived while Redis was away. WooCommerce never delivers a webhook
 * again, and disables one after more than five failed deliveries in a row (WC_Webhook::failed_delivery:
 * anything but 2xx, 301 or 302 is a failure), so answering 503 would lose the delivery and push the
 * webhook towards being switched off. Instead the delivery is held here, unread (its signature is
 * checked when it is processed: the shop's secret is in Redis too), answered 202 {@code deferred}, and
 * processed again every few seconds until Redis answers. Bounded in count and bytes; past either a
 * delivery is refused with 503.
 *
 * <p>What this guarantees: on a long-running server, every delivery held is processed once Redis is
 * back. A serverless instance can be retired while it holds some; what heals that is the WooCommerce
 * plugin's reconciliation, which sends Triad everything changed since its last acknowledged sync.
 */
@ApplicationScoped
public class WooSpool {

    private static final Logger LOG = Logger.getLogger(WooSpool.class);
    static final int MAX_DELIVERIES = 10_000;
    static final long MAX_BYTES = 64L << 20;
    static final long RETRY_MILLIS = 2_000;

    /** A delivery as received: nothing in it is trusted before it is processed. */
    record Held(String shop, String signature, String topic, byte[] body) {
    }

    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile ScheduledExecutorService retrier;

    /** Holds {@code delivery} for {@code process}; false when the spool is full. */
    boolean hold(Held delivery, Consumer<Held> process) {
        if (count.incrementAndGet() > MAX_DELIVERIES || bytes.addAndGet(delivery.body().length) > MAX_BYTES) {
            count.decrementAndGet();
            bytes.addAndGet(-delivery.body().length);
            return false;
        }
        held.add(delivery);
        start(process);
        return true;
    }

    /** Whether {@code failure} is Redis away for now (raw, or already answered as a 503 problem). */
    static boolean notNow(RuntimeException failure) {
        return StoreTrouble.isTransient(failure) || failure instanceof ProblemException p && p.status() == 503;
    }

    /** Deliveries waiting. */
    int size() {
        return count.get();
    }

    private synchronized void start(Consumer<Held> process) {
        if (retrier == null) {
            retrier = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "triad-woo-spool");
                thread.setDaemon(true);
                return thread;
            });
            retrier.scheduleWithFixedDelay(() -> replay(process), RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Processes held deliveries in arrival order until one meets Redis still away. */
    void replay(Consumer<Held> process) {
        for (Held delivery = held.peek(); delivery != null; delivery = held.peek()) {
            try {
                process.accept(delivery);
            } catch (RuntimeException e) {
                if (notNow(e)) {
                    return;
                }
                LOG.warnf("Dropped a held WooCommerce %s delivery for %s: %s", delivery.topic(), delivery.shop(),
                        e.getMessage());
            }
            held.poll();
            count.decrementAndGet();
            bytes.addAndGet(-delivery.body().length);
        }
    }
}
