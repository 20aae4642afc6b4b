package dev.triad.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an RFC 9457 problem answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, Object report) {

    public Problem(String type, String title, int status, String detail, String field) {
        this(type, title, status, detail, field, null);
    }

    static final String TYPE_BASE = "https://triad.dev/problems/";

    static Problem of(ProblemException e) {
        return new Problem(TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), e.field(), e.report());
    }
}
