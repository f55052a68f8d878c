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
        return new ProblemException(Problem.ofField(400, "Invalid input", field, detail));
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(Problem.ofField(422, "Request cannot be applied", field, detail));
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.ofErrors(400, "Invalid input", detail, errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(Problem.ofField(409, "Conflict", field, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }
}
