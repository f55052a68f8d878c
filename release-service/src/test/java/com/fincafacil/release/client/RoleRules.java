package com.fincafacil.release.client;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** release-service's Role from {@code deploy/k8s}, and what an API request needs of it. */
final class RoleRules {

    private RoleRules() {
    }

    /** "verb resource" pairs the Role grants, e.g. {@code patch services}. */
    static Set<String> granted() throws IOException {
        Set<String> granted = new TreeSet<>();
        try (InputStream in = Files.newInputStream(Manifests.root().resolve("deploy/k8s/base/release-service-rbac.yaml"))) {
            List<HasMetadata> objects = Serialization.unmarshal(in);
            for (HasMetadata object : objects) {
                if (object instanceof Role role) {
                    role.getRules().forEach(rule -> rule.getResources().forEach(resource ->
                            rule.getVerbs().forEach(verb -> granted.add(verb + " " + resource))));
                }
            }
        }
        return granted;
    }

    /** The RBAC verb and resource a request to {@code path} with {@code method} needs. */
    static String verbAndResource(String method, String path) {
        String[] query = path.split("\\?", 2);
        String[] parts = query[0].split("/");
        int ns = List.of(parts).indexOf("namespaces");
        String resource = parts[ns + 2];
        boolean named = parts.length > ns + 3;
        if (parts.length > ns + 4) {
            resource += "/" + parts[ns + 4];
        }
        String verb = switch (method) {
            case "GET" -> !named ? (query.length > 1 && query[1].contains("watch=true") ? "watch" : "list") : "get";
            case "POST" -> "create";
            case "PATCH" -> "patch";
            case "PUT" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase();
        };
        return verb + " " + resource;
    }
}
