package com.fincafacil.farm;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A rest-assured filter that checks every answer against the document the running app serves at
 * /q/openapi: a status the operation does not declare, a body off its schema (an unknown member
 * included) or a content type it does not list fails the test. Requests are not checked: tests
 * send wrong ones on purpose, and a request to an address the document lacks is not checked.
 */
final class ContractValidation {

    private static Filter shared;

    private ContractValidation() {
    }

    /** The filter, built once per test JVM from the document of the app under test. */
    static synchronized Filter filter() {
        if (shared == null) {
            shared = filterFor(document());
        }
        return shared;
    }

    static Filter filterFor(String document) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** Fetched outside rest-assured, so the fetch is not itself filtered. */
    static String document() {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
