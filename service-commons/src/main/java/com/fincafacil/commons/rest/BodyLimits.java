package com.fincafacil.commons.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How large a request body may be (docs/architecture.md, "Request size"). Files have their own,
 * larger limit: a route whose {@code @Consumes} takes no JSON (the CSV import) receives a file.
 * {@code quarkus.http.limits.max-body-size} must be at least the file limit: it remains the
 * backstop for bodies sent without a Content-Length.
 */
@ConfigMapping(prefix = "fincafacil.http")
public interface BodyLimits {

    /** A JSON body: a release with all its changes is a few kilobytes. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** A file upload: 100,000 animals in a CSV are about 5 MB. */
    @WithDefault("10M")
    MemorySize maxFileSize();
}
