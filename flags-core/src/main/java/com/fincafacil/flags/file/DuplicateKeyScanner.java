package com.fincafacil.flags.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming pass over a JSON text that reports every key given twice in one object and any
 * syntax error. Jackson's tree parser keeps the last of two equal keys without a word, which would
 * silently drop a flag, and its own strict mode stops at the first duplicate.
 */
final class DuplicateKeyScanner {

    /** What the pass found; a syntax error means the text cannot be read as a tree at all. */
    record Result(List<FileError> duplicates, FileError syntaxError) {
        boolean wellFormed() {
            return syntaxError == null;
        }
    }

    /** One open object or array: its path, and the keys seen so far (with their line) or the next index. */
    private static final class Frame {
        final String path;
        final boolean object;
        final Map<String, Integer> keyLines = new HashMap<>();
        String currentKey;
        int nextIndex;

        Frame(String path, boolean object) {
            this.path = path;
            this.object = object;
        }

        String childPath() {
            if (object) {
                return path.isEmpty() ? currentKey : path + "." + currentKey;
            }
            return path + "[" + nextIndex++ + "]";
        }
    }

    private final JsonFactory factory;

    DuplicateKeyScanner(JsonFactory factory) {
        this.factory = factory;
    }

    Result scan(String json) {
        List<FileError> duplicates = new ArrayList<>();
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() == null) {
                return new Result(duplicates, new FileError(FileError.ROOT, "file_empty", "the file is empty"));
            }
            walkValue(parser, new ArrayDeque<>(), duplicates);
            if (parser.nextToken() != null) {
                return new Result(duplicates, new FileError(FileError.ROOT, "malformed_json", "unexpected content after the end "
                        + "of the JSON value at line " + parser.currentTokenLocation().getLineNr()));
            }
            return new Result(duplicates, null);
        } catch (JsonProcessingException e) {
            return new Result(duplicates, new FileError(FileError.ROOT, "malformed_json", "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no real I/O
        }
    }

    /** Walks one complete value starting at the current token, iteratively so deep nesting cannot overflow. */
    private static void walkValue(JsonParser parser, Deque<Frame> open, List<FileError> duplicates)
            throws IOException {
        JsonToken token = parser.currentToken();
        do {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    String path = open.isEmpty() ? "" : open.peek().childPath();
                    open.push(new Frame(path, token == JsonToken.START_OBJECT));
                }
                case END_OBJECT, END_ARRAY -> open.pop();
                case FIELD_NAME -> recordKey(parser, open.peek(), duplicates);
                default -> {
                    if (!open.isEmpty() && !open.peek().object) {
                        open.peek().nextIndex++;
                    }
                }
            }
        } while (!open.isEmpty() && (token = parser.nextToken()) != null);
    }

    private static void recordKey(JsonParser parser, Frame frame, List<FileError> duplicates) throws IOException {
        String key = parser.currentName();
        int line = parser.currentTokenLocation().getLineNr();
        frame.currentKey = key;
        Integer firstLine = frame.keyLines.putIfAbsent(key, line);
        if (firstLine != null) {
            duplicates.add(new FileError(frame.childPath(), "duplicate_key", "duplicate key (line " + line + "): it is already "
                    + "defined at line " + firstLine + " in the same object; keep only one"));
        }
    }
}
