package com.fincafacil.farm.service.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Reads an animal import file (docs/farm-csv-import.md) in one streaming pass: UTF-8 with or
 * without BOM, ';' or ',' as detected on the header line, every row checked and every error kept.
 * Stateless and thread-safe.
 */
public final class AnimalCsvParser {

    private static final int BOM = '\uFEFF';
    private static final int HEADER_PEEK_LIMIT = 64 * 1024;

    public CsvParseResult parse(byte[] bytes, LocalDate today) {
        try {
            return parse(new ByteArrayInputStream(bytes), today);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when reading from memory
        }
    }

    /** Reads the stream to its end; does not close it. */
    public CsvParseResult parse(InputStream in, LocalDate today) throws IOException {
        MessageDigest sha256 = sha256();
        DigestInputStream digesting = new DigestInputStream(new NotClosing(in), sha256);
        ImportCollector collector = new ImportCollector();
        readRows(reader(digesting), today, collector);
        digesting.transferTo(OutputStream.nullOutputStream()); // the hash covers every byte, even after an error
        return collector.result(HexFormat.of().formatHex(sha256.digest()));
    }

    private void readRows(BufferedReader reader, LocalDate today, ImportCollector collector) throws IOException {
        skipBom(reader);
        char separator = detectSeparator(reader);
        if (separator == 0) {
            collector.fileError(1, "file_empty", "The file is empty: it needs a header line and at least one animal.");
            return;
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        try (CSVParser csv = format.parse(reader)) {
            Iterator<CSVRecord> records = csv.iterator();
            CSVRecord headerRecord = records.next();
            if (AnimalRowReader.isBlank(headerRecord)) {
                collector.fileError(1, "header_missing", "The first line must be the header, e.g. arete;sexo;fecha_nacimiento;peso_kg.");
                return;
            }
            CsvHeader header = CsvHeader.of(headerRecord.toList());
            collector.header(header, new AnimalRowReader(header, separator, today));
            while (true) {
                // lines consumed so far + 1 is where the next record starts (a quoted value may span lines)
                collector.atLine((int) csv.getCurrentLineNumber() + 1);
                if (!records.hasNext()) {
                    return;
                }
                collector.row(records.next());
            }
        } catch (UncheckedIOException e) {
            boolean unclosed = unclosedQuote(e.getCause());
            collector.fileError(collector.currentLine(), "malformed_csv", malformedMessage(unclosed),
                    "variant", unclosed ? "unclosed_quote" : "stray_quote");
        }
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    /** The separator used more often on the header line; 0 for an empty file. */
    private static char detectSeparator(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK_LIMIT);
        int semicolons = 0;
        int commas = 0;
        int read = 0;
        int c = reader.read();
        if (c < 0) {
            return 0;
        }
        while (c >= 0 && c != '\n' && c != '\r' && ++read < HEADER_PEEK_LIMIT) {
            semicolons += c == ';' ? 1 : 0;
            commas += c == ',' ? 1 : 0;
            c = reader.read();
        }
        reader.reset();
        return semicolons > 0 && semicolons >= commas ? ';' : ',';
    }

    private static boolean unclosedQuote(Throwable cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        return detail.contains("EOF reached before encapsulated token finished");
    }

    private static String malformedMessage(boolean unclosed) {
        if (unclosed) {
            return "A quoted value is never closed: a '\"' is missing on this line or after it.";
        }
        return "This line is not valid CSV: a value that starts with '\"' must end with '\"' right before the separator.";
    }

    /**
     * Bytes that are not UTF-8 (a Latin-1 "Cebú" from an old spreadsheet) become U+FFFD, which the
     * row reader refuses on its line and column; failing at decoding time instead would name the
     * line the decoder had read ahead to, not the one with the bad byte.
     */
    private static BufferedReader reader(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), HEADER_PEEK_LIMIT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The caller owns the stream: closing the CSV parser must not close it. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // left to the caller
        }
    }
}
