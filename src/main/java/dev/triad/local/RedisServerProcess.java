package dev.triad.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real redis-server on loopback, for local runs and tests: no container engine, no install.
 *
 * <p>The binary is the one shipped inside the {@code com.github.codemonstur:embedded-redis} jar
 * (Redis 6.2 for Linux x86_64/arm64 and macOS), extracted once to a temporary file; a
 * {@code redis-server} named by {@code TRIAD_REDIS_SERVER} takes precedence.
 */
public final class RedisServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts redis-server on {@code port} (no persistence) and waits until it answers PING. */
    public static RedisServerProcess start(int port, Path dir, String... extraArgs) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        RedisServerProcess server = new RedisServerProcess(process, port);
        server.awaitPong();
        return server;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Freezes the server (SIGSTOP), as a stalled node would be: connections stay open, nothing answers. */
    public void pause() throws IOException {
        signal("STOP");
    }

    /** Lets a {@link #pause paused} server go on (SIGCONT). */
    public void resume() throws IOException {
        signal("CONT");
    }

    private void signal(String name) throws IOException {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IOException("kill -" + name + " " + process.pid() + " exited " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Sends one command; answers a status or error line as is ({@code +OK}), a bulk string as its text. */
    public String command(String... args) throws IOException {
        return command(port, args);
    }

    public static String command(int port, String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(5000);
            StringBuilder resp = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                resp.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = line(in);
            if (first.startsWith("$") && !first.equals("$-1")) {
                return new String(in.readNBytes(Integer.parseInt(first.substring(1))), StandardCharsets.UTF_8);
            }
            return first;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPong() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + " on port " + port);
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep();
        }
        process.destroy();
        throw new IOException("redis-server did not answer on port " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized Path binary() throws IOException {
        String configured = System.getenv("TRIAD_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String resource = resourceName();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "triad-" + resource);
        if (!Files.isExecutable(target)) {
            try (InputStream in = RedisServerProcess.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("No redis-server for this platform on the classpath (" + resource
                            + "); set TRIAD_REDIS_SERVER or QUARKUS_REDIS_HOSTS");
                }
                Path partial = Files.createTempFile(target.getParent(), "triad-redis", ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    private static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
    }
}
