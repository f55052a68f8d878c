package com.fincafacil.commons.openapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator roles each operation admits, read from the resources' {@code @RolesAllowed}.
 * Quarkus states them as the bearer requirement's scopes only in OpenAPI 3.1 (3.0 wants them empty),
 * so for our 3.0.3 documents they go to the {@code x-roles} extension, least role first, and to the
 * operation's description, where client authors and the platform's security campaign read them.
 */
final class OperatorRoles {

    /** The extension the roles are stated in. */
    static final String EXTENSION = "x-roles";
    /** The roles, least to most; a role outside this list sorts after them. */
    static final List<String> RANK = List.of("viewer", "operator", "admin");

    private static final DotName PATH = DotName.createSimple(Path.class);
    private static final DotName ROLES_ALLOWED = DotName.createSimple(RolesAllowed.class);
    private static final List<String> VERBS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** "GET /api/v1/admin/fincas" → [viewer, operator, admin] */
    private final Map<String, List<String>> byOperation;

    private OperatorRoles(Map<String, List<String>> byOperation) {
        this.byOperation = byOperation;
    }

    static OperatorRoles none() {
        return new OperatorRoles(Map.of());
    }

    /** Every JAX-RS method in {@code index} that carries {@code @RolesAllowed}, by verb and OpenAPI path. */
    static OperatorRoles from(IndexView index) {
        Map<String, List<String>> found = new HashMap<>();
        for (AnnotationInstance allowed : index.getAnnotations(ROLES_ALLOWED)) {
            if (allowed.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = allowed.target().asMethod();
            String verb = verb(method);
            if (verb == null) {
                continue;
            }
            ClassInfo resource = method.declaringClass();
            String path = openApiPath(value(resource.declaredAnnotation(PATH)) + "/" + value(method.annotation(PATH)));
            List<String> roles = new ArrayList<>(Arrays.asList(allowed.value().asStringArray()));
            roles.sort((a, b) -> Integer.compare(rank(a), rank(b)));
            found.put(verb + " " + path, List.copyOf(roles));
        }
        return new OperatorRoles(found);
    }

    /** Adds the roles of {@code verb path} to its operation, when it has any. */
    void state(String verb, String path, Operation operation) {
        List<String> roles = byOperation.get(verb.toUpperCase(Locale.ROOT) + " " + openApiPath(path));
        if (roles == null || roles.isEmpty()) {
            return;
        }
        operation.addExtension(EXTENSION, roles);
        String said = "Operator roles: " + String.join(", ", roles) + ".";
        operation.description(operation.getDescription() == null ? said : operation.getDescription() + "\n\n" + said);
    }

    private static String verb(MethodInfo method) {
        return VERBS.stream().filter(v -> method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + v)))
                .findFirst().orElse(null);
    }

    private static String value(AnnotationInstance annotation) {
        return annotation == null || annotation.value() == null ? "" : annotation.value().asString();
    }

    /** Joined with single slashes, without a trailing one, and with path parameters' regular expressions left out, as OpenAPI writes paths. */
    static String openApiPath(String path) {
        String plain = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        plain = plain.startsWith("/") ? plain : "/" + plain;
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static int rank(String role) {
        int i = RANK.indexOf(role);
        return i < 0 ? RANK.size() : i;
    }
}
