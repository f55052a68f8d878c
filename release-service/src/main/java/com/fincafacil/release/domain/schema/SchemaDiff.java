package com.fincafacil.release.domain.schema;

import com.fincafacil.release.domain.schema.Catalog.Column;
import com.fincafacil.release.domain.schema.SchemaChange.Effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies a migration by its effect: the catalog of the schema at the running version against
 * the catalog at the target version. Adding is expand (a table, a nullable column or one with a
 * default, an index, a looser column); anything the previous version might still read, write or
 * rely on that goes away, changes, or starts refusing its writes is contract.
 */
public final class SchemaDiff {

    /** The whole migration: no change, only expand, only contract, or a mix (which is refused). */
    public enum Verdict { NONE, EXPAND, CONTRACT, MIXED }

    private SchemaDiff() {
    }

    public static List<SchemaChange> between(Catalog running, Catalog target) {
        List<SchemaChange> changes = new ArrayList<>();
        running.tables().forEach((table, columns) -> {
            Map<String, Column> after = target.tables().get(table);
            if (after == null) {
                changes.add(contract("table " + table, "dropped or renamed: the previous version still uses it"));
            } else {
                columns(table, columns, after, changes);
            }
        });
        target.tables().forEach((table, columns) -> {
            if (!running.tables().containsKey(table)) {
                changes.add(expand("table " + table, "new"));
            }
        });
        constraints(running, target, changes);
        indexes(running, target, changes);
        return changes;
    }

    public static Verdict verdict(List<SchemaChange> changes) {
        boolean expand = changes.stream().anyMatch(c -> c.effect() == Effect.EXPAND);
        boolean contract = changes.stream().anyMatch(c -> c.effect() == Effect.CONTRACT);
        return expand && contract ? Verdict.MIXED : contract ? Verdict.CONTRACT : expand ? Verdict.EXPAND : Verdict.NONE;
    }

    private static void columns(String table, Map<String, Column> before, Map<String, Column> after, List<SchemaChange> changes) {
        before.forEach((name, old) -> {
            Column now = after.get(name);
            String what = "column " + table + "." + name;
            if (now == null) {
                changes.add(contract(what, "dropped or renamed: the previous version still reads or writes it"));
                return;
            }
            if (!old.type().equals(now.type())) {
                changes.add(contract(what, "type " + old.type() + " became " + now.type()));
            }
            if (old.nullable() && !now.nullable()) {
                changes.add(contract(what, "became NOT NULL: the previous version may still write nulls"));
            } else if (!old.nullable() && now.nullable()) {
                changes.add(expand(what, "accepts nulls now"));
            }
            if (!Objects.equals(old.defaultExpression(), now.defaultExpression())) {
                changes.add(now.defaultExpression() == null && !now.nullable()
                        ? contract(what, "lost its default while NOT NULL: inserts that leave it out fail")
                        : expand(what, "default " + old.defaultExpression() + " became " + now.defaultExpression()));
            }
        });
        after.forEach((name, column) -> {
            if (!before.containsKey(name)) {
                String what = "column " + table + "." + name;
                changes.add(!column.nullable() && column.defaultExpression() == null
                        ? contract(what, "new and NOT NULL without a default: the previous version's inserts fail")
                        : expand(what, "new" + (column.nullable() ? ", nullable" : ", with a default")));
            }
        });
    }

    private static void constraints(Catalog running, Catalog target, List<SchemaChange> changes) {
        running.constraints().forEach((name, old) -> {
            Catalog.Constraint now = target.constraints().get(name);
            if (now == null) {
                if (target.tables().containsKey(old.table())) {
                    changes.add(contract("constraint " + name, "dropped: the previous version may rely on it (ON CONFLICT, cascades)"));
                }
            } else if (!old.definition().equals(now.definition())) {
                changes.add(contract("constraint " + name, "changed from " + old.definition() + " to " + now.definition()));
            }
        });
        target.constraints().forEach((name, constraint) -> {
            if (!running.constraints().containsKey(name)) {
                changes.add(running.tables().containsKey(constraint.table())
                        ? contract("constraint " + name, "new on an existing table: the previous version's writes may break it ("
                        + constraint.definition() + ")")
                        : expand("constraint " + name, "on a new table"));
            }
        });
    }

    private static void indexes(Catalog running, Catalog target, List<SchemaChange> changes) {
        running.indexes().forEach((name, old) -> {
            Catalog.Index now = target.indexes().get(name);
            if (now == null && target.tables().containsKey(old.table())) {
                changes.add(old.definition().contains("UNIQUE")
                        ? contract("index " + name, "a unique index dropped: the previous version may rely on it")
                        : expand("index " + name, "dropped (slower queries for the previous version, not broken ones)"));
            } else if (now != null && !old.definition().equals(now.definition())) {
                changes.add(now.definition().contains("UNIQUE") && !old.definition().contains("UNIQUE")
                        ? contract("index " + name, "became unique: the previous version's writes may break it")
                        : expand("index " + name, "redefined"));
            }
        });
        target.indexes().forEach((name, index) -> {
            if (!running.indexes().containsKey(name)) {
                changes.add(index.definition().contains("UNIQUE") && running.tables().containsKey(index.table())
                        ? contract("index " + name, "new unique index on an existing table: the previous version's writes may break it")
                        : expand("index " + name, "new"));
            }
        });
    }

    private static SchemaChange expand(String object, String reason) {
        return new SchemaChange(object, Effect.EXPAND, reason);
    }

    private static SchemaChange contract(String object, String reason) {
        return new SchemaChange(object, Effect.CONTRACT, reason);
    }
}
