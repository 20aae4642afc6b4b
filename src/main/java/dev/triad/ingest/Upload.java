package dev.triad.ingest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.triad.problem.ProblemException;

/**
 * An import's body as it streams in: inflated here when it comes {@code Content-Encoding: gzip}
 * (the server does not inflate bodies, so that a truncated or corrupt archive is noticed: the gzip
 * trailer's length and CRC are checked), and bounded in inflated bytes. A body that cannot be read
 * to its end throws {@link Stopped}, which the import turns into a report of what it took.
 */
public final class Upload {

    private Upload() {
    }

    /** The upload could not be read to its end: cut short, corrupt, or over the limit. */
    public static final class Stopped extends IOException {
        private final boolean tooLarge;

        Stopped(String reason, boolean tooLarge) {
            super(reason);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /** The body to read: {@code encoding} null or {@code identity}, or {@code gzip}; at most {@code limit} bytes inflated. */
    public static InputStream open(InputStream body, String encoding, long limit) {
        String coding = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
        switch (coding) {
            case "", "identity":
                return new Bounded(body, limit);
            case "gzip", "x-gzip":
                return new Bounded(new Inflating(body), limit);
            default:
                throw new ProblemException(415, "unsupported-encoding", "Unsupported content encoding",
                        "Content-Encoding must be gzip or absent, not '" + encoding + "'", "Content-Encoding");
        }
    }

    /** Longest line an import reads, in characters: a line without end must not fill the memory. */
    static final int MAX_LINE = 16 << 20;

    /** The body as text, line by line, refusing a line longer than {@link #MAX_LINE}. */
    static BufferedReader reader(InputStream body) {
        return new BufferedReader(new LineGuard(new InputStreamReader(body, StandardCharsets.UTF_8)), 1 << 16);
    }

    /** Counts the characters since the last line feed. */
    private static final class LineGuard extends FilterReader {
        private long line = 1;
        private int length;

        LineGuard(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            for (int i = off; i < off + n; i++) {
                if (buffer[i] == '\n') {
                    line++;
                    length = 0;
                } else if (++length > MAX_LINE) {
                    throw new Stopped("line " + line + " is longer than " + MAX_LINE + " characters", false);
                }
            }
            return n;
        }
    }

    /** Why reading stopped, whatever failed: the stream, the archive, or a row too large to parse. */
    static Stopped stopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Stopped s) {
                return s;
            }
        }
        if (e instanceof IOException) {
            return new Stopped("the body stopped arriving before its end", false);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new Stopped("a row could not be read: " + e.getMessage()
                + (root == e ? "" : " (" + root.getMessage() + ")"), false);
    }

    /** The problem answer of an upload that could not be read to its end (413 when too large, else 400). */
    static ProblemException incomplete(Stopped stopped, String detail) {
        return stopped.tooLarge() ? ProblemException.tooLarge("body", detail)
                : new ProblemException(400, "upload-incomplete", "Upload incomplete", detail, "body");
    }

    /** Reads the gzip stream lazily (its header too), naming a damaged archive as such. */
    private static final class Inflating extends InputStream {
        private final InputStream compressed;
        private GZIPInputStream gzip;

        Inflating(InputStream compressed) {
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (gzip == null) {
                    gzip = new GZIPInputStream(compressed, 1 << 16);
                }
                return gzip.read(b, off, len);
            } catch (java.io.EOFException e) {
                throw new Stopped("the gzip body ends before its archive does (cut short?)", false);
            } catch (ZipException e) {
                throw new Stopped("the gzip body is corrupt: " + e.getMessage(), false);
            }
        }

        @Override
        public void close() throws IOException {
            compressed.close();
        }
    }

    /** Counts what is read and stops past the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws Stopped {
            read += n;
            if (read > limit) {
                throw new Stopped("the body is larger than " + limit + " bytes (after decompression)", true);
            }
        }
    }
}
