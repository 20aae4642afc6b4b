package dev.triad.ingest;

import java.io.Reader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A CSV export read with FastCSV, its columns looked up by header name (case-insensitive).
 * Ragged rows are accepted: a missing cell reads as empty.
 */
final class CsvTable {

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();

    CsvTable(Reader in) {
        reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
                .detectBomHeader(false).ofCsvRecord(in);
        records = reader.iterator();
        if (records.hasNext()) {
            List<String> header = records.next().getFields();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(normal(header.get(i)), i);
            }
        }
    }

    boolean has(String column) {
        return columns.containsKey(normal(column));
    }

    Iterator<CsvRecord> rows() {
        return records;
    }

    /** The trimmed cell, or "" when the column or cell is absent. */
    String get(CsvRecord row, String column) {
        Integer i = columns.get(normal(column));
        if (i == null || i >= row.getFieldCount()) {
            return "";
        }
        return row.getField(i).trim();
    }

    private static String normal(String name) {
        return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }
}
