package com.fincafacil.flags.file;

import java.util.List;
import java.util.stream.Collectors;

/** A flag file was refused; carries every problem found, so the operator fixes them in one go. */
public class FlagFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FileError> errors;

    public FlagFileException(List<FileError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FileError> errors() {
        return errors;
    }

    private static String summary(List<FileError> errors) {
        return "The flag file has " + errors.size() + (errors.size() == 1 ? " problem: " : " problems: ")
                + errors.stream().map(e -> e.path() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
