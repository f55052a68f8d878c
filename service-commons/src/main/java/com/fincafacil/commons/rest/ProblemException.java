package com.fincafacil.commons.rest;

import java.util.List;

/** Thrown by use cases to answer a client with a problem+json 4xx; never carries a stack trace out. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badField(String field, String detail) {
        return badField(field, "invalid_value", detail);
    }

    /** A 400 about one field, with the stable code of what is wrong with it. */
    public static ProblemException badField(String field, String code, String detail) {
        return new ProblemException(Problem.ofFieldError(400, code, "Invalid input", field, detail));
    }

    public static ProblemException unprocessable(String field, String detail) {
        return unprocessable(field, "unprocessable", detail);
    }

    /** A 422 about one field: well formed, but it does not fit what is stored. */
    public static ProblemException unprocessable(String field, String code, String detail) {
        return new ProblemException(Problem.ofFieldError(422, code, "Request cannot be applied", field, detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.ofErrors(400, "Invalid input", detail, errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    /** A 404 with the code of what was not found ({@code animal_not_found}…). */
    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(Problem.coded(404, code, "Not found", detail, null));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(Problem.ofField(409, "Conflict", field, detail));
    }

    public static ProblemException conflict(String field, String code, String detail) {
        return new ProblemException(Problem.coded(409, code, "Conflict", detail, field));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }
}
