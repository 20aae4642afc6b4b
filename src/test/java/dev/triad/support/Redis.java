package dev.triad.support;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.triad.local.RedisServerProcess;

/** The test's own line to the Redis under test, beside the application's. */
public final class Redis {

    private Redis() {
    }

    public static int port() {
        return Integer.parseInt(System.getProperty(RedisTestResource.PORT_PROPERTY));
    }

    public static String command(String... args) {
        try {
            return RedisServerProcess.command(port(), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw bytes of a string value (GET), or null when the key does not exist. */
    public static byte[] bytes(String key) {
        return (byte[]) reply("GET", key);
    }

    /** Keys matching {@code pattern} (KEYS: fine for the few keys of a test). */
    public static List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        for (Object key : (List<?>) reply("KEYS", pattern)) {
            keys.add(new String((byte[]) key, StandardCharsets.UTF_8));
        }
        return keys;
    }

    /**
     * One command's reply as bulk bytes (null for nil) or a list of them: what {@code command}
     * cannot return, since it reads replies as text lines.
     */
    private static Object reply(String... args) {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
            for (String arg : args) {
                request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg)
                        .append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return read(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        StringBuilder header = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            header.append((char) c);
        }
        in.read();
        char type = header.charAt(0);
        if (type != '$' && type != '*') {
            throw new IOException("Unexpected reply: " + header);
        }
        int n = Integer.parseInt(header.substring(1));
        switch (type) {
            case '$' -> {
                if (n < 0) {
                    return null;
                }
                byte[] value = new byte[n];
                in.readFully(value);
                in.skipNBytes(2);
                return value;
            }
            case '*' -> {
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default -> throw new IOException("Unexpected reply: " + header);
        }
    }

    /** Commands the server has executed so far, from INFO commandstats (the INFO calls themselves excluded). */
    public static long commandsExecuted() {
        String stats = command("INFO", "commandstats");
        long total = 0;
        Matcher m = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)").matcher(stats);
        while (m.find()) {
            if (!m.group(1).equals("info")) {
                total += Long.parseLong(m.group(2));
            }
        }
        return total;
    }

    /** Calls of one command, from INFO commandstats. */
    public static long calls(String command) {
        return calls(port(), command);
    }

    /** Calls of one command on the Redis at {@code port} (a cluster node, say). */
    public static long calls(int port, String command) {
        try {
            String stats = RedisServerProcess.command(port, "INFO", "commandstats");
            Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
