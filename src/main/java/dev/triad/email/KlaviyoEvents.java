package dev.triad.email;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;

/**
 * Klaviyo's Create Event ({@code POST /api/events}, JSON:API, {@code Authorization: Klaviyo-API-Key <private key>},
 * {@code revision} header; answers 202 with no body; developers.klaviyo.com/en/reference/create_event, revision
 * 2026-10-15), sent from a thread of its own. A throttled (429: after its {@code Retry-After}, or the pause) or
 * failed (5xx, no answer) event is sent again after 1 s, 2 s, 4 s … up to {@code triad.klaviyo.attempts}; any other
 * refusal (400 invalid, 401/403 a revoked key) is logged and given up at once: sending it again would not help.
 */
@ApplicationScoped
public class KlaviyoEvents {

    static final String REVISION = "2026-10-15";
    private static final Logger LOG = Logger.getLogger(KlaviyoEvents.class);
    private static final long MAX_PAUSE_MILLIS = 60_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "triad-klaviyo");
        thread.setDaemon(true);
        return thread;
    });
    private final URI events;
    private final long firstPauseMillis;
    private final int attempts;

    public KlaviyoEvents(TriadConfig config) {
        this.events = URI.create(config.klaviyo().url().replaceAll("/$", "") + "/api/events");
        this.firstPauseMillis = config.klaviyo().retryAfter().toMillis();
        this.attempts = config.klaviyo().attempts();
    }

    /** Runs {@code work} on the sender's thread, never on the caller's. */
    void later(Runnable work) {
        scheduler.execute(work);
    }

    /** Sends {@code body} (a JSON:API event document) with {@code privateKey}, retrying as above; {@code what} names it in logs. */
    void send(String privateKey, byte[] body, String what) {
        attempt(privateKey, body, what, 1);
    }

    private void attempt(String privateKey, byte[] body, String what, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Klaviyo-API-Key " + privateKey).header("revision", REVISION)
                .header("Accept", "application/vnd.api+json").header("Content-Type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status;
        long retryAfter = -1;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(-1);
            if (status >= 200 && status < 300) {
                return;
            }
            if (status != 429 && status < 500) {
                LOG.warnf("Klaviyo refused %s (%d): %s; not sent again", what, status, response.body());
                return;
            }
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt >= attempts) {
            LOG.warnf("Klaviyo did not take %s after %d attempts (last answer %d); given up", what, attempt, status);
            return;
        }
        long pause = Math.min(MAX_PAUSE_MILLIS, Math.max(retryAfter * 1000, firstPauseMillis << (attempt - 1)));
        scheduler.schedule(() -> attempt(privateKey, body, what, attempt + 1), pause, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
