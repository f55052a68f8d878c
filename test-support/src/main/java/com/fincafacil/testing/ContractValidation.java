package com.fincafacil.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Checks every answer a service's integration tests receive against the document the service
 * under test serves at /q/openapi: a status the operation does not declare, a body off its schema
 * (an unknown member included) or a content type it does not list fails the test. Requests are
 * not checked: tests send wrong ones on purpose, and an address the document lacks (health,
 * metrics, the console's pages, a stand-in's) is not checked. {@link ContractValidationCallback}
 * puts it on every rest-assured request of every {@code @QuarkusTest}.
 */
public final class ContractValidation implements Filter {

    private static final ContractValidation EVERYWHERE = new ContractValidation();

    /** Built at the first request, once the app under test is up and rest-assured knows its port. */
    private volatile Filter checks;

    private ContractValidation() {
    }

    /** Puts the check on every rest-assured request of this test JVM (once). */
    static synchronized void everywhere() {
        if (!RestAssured.filters().contains(EVERYWHERE)) {
            RestAssured.filters(EVERYWHERE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        return checks().filter(request, response, ctx);
    }

    private Filter checks() {
        if (checks == null) {
            synchronized (this) {
                if (checks == null) {
                    checks = filterFor(document());
                }
            }
        }
        return checks;
    }

    /** A filter checking answers against {@code document} (a test may hand it a document altered on purpose). */
    public static Filter filterFor(String document) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** The document of the app under test, fetched outside rest-assured so the fetch is not itself checked. */
    public static String document() {
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
