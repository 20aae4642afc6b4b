package dev.triad.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The one place where refusals and failures become RFC 9457 problem answers. Never a stack trace. */
public class ProblemMapper {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final ThrottledLog UNAVAILABLE = new ThrottledLog(LOG, 10);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return answer(Problem.of(e));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return answer(Problem.of(fromJson(e)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return answer(Problem.of(fromJson(e)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = title.toLowerCase().replace(' ', '-');
        return answer(new Problem(Problem.TYPE_BASE + slug, title, status, title, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (StoreTrouble.isTransient(e)) {
            UNAVAILABLE.warn("Redis unreachable, answered 503: %s", e);
            return answer(Problem.of(ProblemException.unavailable("Triad's store is unreachable; try again shortly")));
        }
        LOG.error("Unexpected failure", e);
        return answer(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "Triad could not handle this request; it has been logged.", null));
    }

    /** A body that is not JSON, or JSON of the wrong shape, named by the path of the offending field. */
    public static ProblemException fromJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && !malformed(e)) {
            String field = path(mapping);
            return ProblemException.invalid(field, "'" + field + "' has the wrong type or format");
        }
        return ProblemException.invalid("body", "The body is not valid JSON: " + e.getOriginalMessage());
    }

    /** Not JSON at all (truncated, bad syntax), as opposed to JSON of the wrong shape. */
    private static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
