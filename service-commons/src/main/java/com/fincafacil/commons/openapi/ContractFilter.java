package com.fincafacil.commons.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.IndexView;

import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document says the same way, so that no route has to remember it:
 * the problem+json schema, the two credentials (operators' bearer JWT, farm apps' X-API-Key) and
 * the error answers any operation can give, and the header of an idempotent replay. A route's own annotations add only what is its own
 * (201 and Location, the 404/409/412/422/428 it really raises).
 * <p>
 * It runs at build time, so the document stored with the build (and the clients generated from
 * it) is the one /q/openapi serves.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    /** The name of Quarkus' bearer scheme (quarkus.smallrye-openapi.security-scheme-name). */
    static final String OPERATOR_SCHEME = "operatorJwt";
    static final String API_KEY_SCHEME = "farmApiKey";
    /** Path prefixes served to farm apps with an X-API-Key (farm-service sets /api/v1/fincas/). */
    static final String API_KEY_PATHS = "fincafacil.openapi.api-key-paths";

    /** A write that takes this header answers a retry with its first answer, marked with {@link #REPLAYED}. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final List<String> apiKeyPaths;
    private final OperatorRoles roles;

    /** SmallRye OpenAPI hands a build-stage filter the application's index when it takes one. */
    public ContractFilter(IndexView index) {
        this(ConfigProvider.getConfig().getOptionalValues(API_KEY_PATHS, String.class).orElse(List.of()), OperatorRoles.from(index));
    }

    ContractFilter(List<String> apiKeyPaths, OperatorRoles roles) {
        this.apiKeyPaths = List.copyOf(apiKeyPaths);
        this.roles = roles;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.components(components);
        components.addSchema(ProblemSchemas.PROBLEM, ProblemSchemas.problem());
        components.addSchema(ProblemSchemas.FIELD_ERROR, ProblemSchemas.fieldError());
        NullableMembers.allow(components.getSchemas(), List.of(ProblemSchemas.PROBLEM, ProblemSchemas.FIELD_ERROR));
        boolean anyKeyRoute = false;
        if (openAPI.getPaths() != null) {
            for (var path : openAPI.getPaths().getPathItems().entrySet()) {
                for (var operation : path.getValue().getOperations().entrySet()) {
                    roles.state(operation.getKey().name(), path.getKey(), operation.getValue());
                    anyKeyRoute |= describe(path.getKey(), operation.getValue());
                }
            }
        }
        if (anyKeyRoute) {
            components.addSecurityScheme(API_KEY_SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                    .description("A farm app's key for its own finca, created by an operator "
                            + "(POST /api/v1/admin/fincas/{fincaId}/api-keys) and shown once"));
        }
    }

    /**
     * An object with no members of its own ({@code Object}, {@code JsonNode}: a sync operation's
     * body, a change's data) is any JSON object; said so, a validator does not read it as "none".
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.OBJECT) && schema.getProperties() == null
                && schema.getAdditionalPropertiesSchema() == null && schema.getAdditionalPropertiesBoolean() == null) {
            schema.additionalPropertiesBoolean(true);
        }
        return schema;
    }

    /** Adds the shared answers to one operation; true when it is a farm app's (X-API-Key). */
    private boolean describe(String path, Operation operation) {
        boolean keyRoute = apiKeyPaths.stream().anyMatch(path::startsWith) && !hasSecurity(operation);
        if (keyRoute) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY_SCHEME));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.responses(responses);
        CommonResponses.add(responses, new CommonResponses.Shape(path.contains("{"), operation.getRequestBody() != null,
                hasSecurity(operation), keyRoute));
        boolean idempotent = takesIdempotencyKey(operation);
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && response.getValue().getContent() == null) {
                response.getValue().content(ProblemSchemas.content());
            }
            if (idempotent && response.getKey().startsWith("2")) {
                response.getValue().addHeader(REPLAYED, OASFactory.createHeader().schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)).description("true when this is the stored answer of an earlier "
                        + "request with the same Idempotency-Key"));
            }
        }
        return keyRoute;
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()));
    }

    private static boolean hasSecurity(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
    }
}
