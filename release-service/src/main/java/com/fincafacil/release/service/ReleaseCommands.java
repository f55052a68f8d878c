package com.fincafacil.release.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * An operator's verbs on a release, as the API and the console both run them: the state change
 * the runner records, then the work it hands to its own thread.
 */
@ApplicationScoped
public class ReleaseCommands {

    private final ReleaseRunner runner;

    public ReleaseCommands(ReleaseRunner runner) {
        this.runner = runner;
    }

    public void start(UUID id, String by, String reason) {
        runner.start(id, by, reason);
        runner.submit(id);
    }

    public void retry(UUID id, String by) {
        runner.retry(id, by);
        runner.submit(id);
    }

    public void promote(UUID id, String by) {
        runner.promote(id, by);
    }

    public void abort(UUID id, String by) {
        runner.abort(id, by);
        runner.cleanUpAfterAbort(id);
    }

    public void rollback(UUID id, String by) {
        runner.rollback(id, by);
        runner.submit(id);
    }
}
