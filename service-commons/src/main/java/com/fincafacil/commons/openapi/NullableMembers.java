package com.fincafacil.commons.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson writes every member of a response record, an absent one as {@code null} (an animal's
 * {@code breed}, a key's {@code revokedAt}, a history's {@code sale}), and reads {@code null} as
 * absent. A scanned schema does not say so; this makes each member that is not required nullable,
 * so a client generated from the document, or a contract test, accepts the nulls the service
 * really sends.
 * <p>
 * OpenAPI 3.0 cannot put "or null" on a reference ({@code nullable} next to an {@code allOf} still
 * refuses null), so a nullable member that refers to another schema gets that schema in place.
 */
final class NullableMembers {

    private final Map<String, Schema> schemas;

    private NullableMembers(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    static void allow(Map<String, Schema> schemas, List<String> handWritten) {
        NullableMembers members = new NullableMembers(schemas);
        // plain members, then references to values (UUID), then to objects: a copied object
        // schema then already has all its own nulls
        for (Kind kind : Kind.values()) {
            schemas.forEach((name, schema) -> {
                if (!handWritten.contains(name) && schema.getProperties() != null) {
                    members.allowIn(schema, kind);
                }
            });
        }
    }

    private enum Kind { PLAIN, VALUE_REFERENCE, OBJECT_REFERENCE }

    private void allowIn(Schema schema, Kind kind) {
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> members = new LinkedHashMap<>(schema.getProperties());
        members.replaceAll((member, type) -> required.contains(member) || kindOf(type) != kind ? type : nullable(type));
        schema.properties(members);
    }

    private Kind kindOf(Schema type) {
        if (type.getRef() == null) {
            return Kind.PLAIN;
        }
        Schema target = target(type);
        return target != null && target.getProperties() != null ? Kind.OBJECT_REFERENCE : Kind.VALUE_REFERENCE;
    }

    private Schema target(Schema reference) {
        return schemas.get(reference.getRef().substring(reference.getRef().lastIndexOf('/') + 1));
    }

    private Schema nullable(Schema type) {
        if (type.getRef() != null) {
            Schema target = target(type);
            return target == null ? type : nullable(copyOf(target));
        }
        if (type.getType() != null && !type.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(type.getType());
            types.add(Schema.SchemaType.NULL);
            type.type(types);
        }
        return type;
    }

    private static Schema copyOf(Schema target) {
        return OASFactory.createSchema().type(target.getType()).format(target.getFormat()).pattern(target.getPattern())
                .description(target.getDescription()).enumeration(target.getEnumeration())
                .properties(target.getProperties()).required(target.getRequired())
                .items(target.getItems()).additionalPropertiesBoolean(target.getAdditionalPropertiesBoolean());
    }
}
