package dev.triad.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            byte[] name = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String cmd = "*2\r\n$3\r\nGET\r\n$" + name.length + "\r\n" + key + "\r\n";
            socket.getOutputStream().write(cmd.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.DataInputStream in = new java.io.DataInputStream(
                    new java.io.BufferedInputStream(socket.getInputStream()));
            StringBuilder header = new StringBuilder();
            for (int c = in.read(); c != '\r'; c = in.read()) {
                header.append((char) c);
            }
            in.read();
            if (header.charAt(0) != '$') {
                throw new IOException("GET " + key + ": " + header);
            }
            int length = Integer.parseInt(header.substring(1));
            if (length < 0) {
                return null;
            }
            byte[] value = new byte[length];
            in.readFully(value);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys matching {@code pattern} (KEYS: fine for the few keys of a test). */
    public static java.util.List<String> keys(String pattern) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            String cmd = "*2\r\n$4\r\nKEYS\r\n$" + pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + "\r\n" + pattern + "\r\n";
            socket.getOutputStream().write(cmd.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            int n = Integer.parseInt(in.readLine().substring(1));
            java.util.List<String> keys = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                in.readLine();
                keys.add(in.readLine());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
