package com.fincafacil.release.domain.schema;

import java.util.Map;

/**
 * What a schema looks like to the code that uses it: tables and their columns, constraints and
 * indexes, each keyed by name. Read from PostgreSQL's catalogs, so two schemas can be compared by
 * effect whatever SQL produced them.
 */
public record Catalog(Map<String, Map<String, Column>> tables, Map<String, Constraint> constraints, Map<String, Index> indexes) {

    /** A column: its type as PostgreSQL names it, whether it may be null, and its default expression (null: none). */
    public record Column(String type, boolean nullable, String defaultExpression) {
    }

    /** A constraint on {@code table}: kind {@code p}, {@code u}, {@code f} or {@code c}, and its definition. */
    public record Constraint(String table, String kind, String definition) {
    }

    /** An index that backs no constraint. */
    public record Index(String table, String definition) {
    }
}
