package dev.triad.ingest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.triad.mining.RebuildService;

/**
 * What an import took and skipped. Bad rows are reported with their line number and reason (the
 * first {@value #MAX_PROBLEMS}); the good rows around them are kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ImportReport {

    static final int MAX_PROBLEMS = 100;

    /** One rejected row. */
    public record Problem(long line, String reason) {
    }

    public String format;
    public long ordersTaken;
    public long ordersSkipped;
    public long linesTaken;
    public long linesSkipped;
    public long productsTaken;
    public long productsSkipped;
    public long productsLearnt;
    public long problemCount;
    public final List<Problem> problems = new ArrayList<>();
    public RebuildService.Report rebuild;
    public String update;
    /** Why the upload could not be read to its end; null when it was. */
    public String stopped;
    /** The last complete order read before the upload stopped: everything up to it was taken. */
    public String lastOrder;
    public long millis;

    public void problem(long line, String reason) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(line, reason));
        }
    }
}
