package dev.triad.problem;

/**
 * A request Triad refuses, turned into an RFC 9457 {@code application/problem+json} answer by
 * {@link ProblemMapper}. {@code type} is a stable slug (published as {@code https://triad.dev/problems/<type>}),
 * {@code field} names the offending input where there is one.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private Object report;

    public ProblemException(int status, String type, String title, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, field);
    }

    public static ProblemException notFound(String field, String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, field);
    }

    public static ProblemException unauthorized(String field, String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, field);
    }

    public static ProblemException forbidden(String field, String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, field);
    }

    public static ProblemException tooLarge(String field, String detail) {
        return new ProblemException(413, "too-large", "Request too large", detail, field);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null);
    }

    /** Adds what was done before the refusal (an import's report), sent as the problem's {@code report} member. */
    public ProblemException withReport(Object report) {
        this.report = report;
        return this;
    }

    public Object report() {
        return report;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
