package com.fincafacil.local.release;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How releases read on a terminal: one line per timeline entry (local time, transition, actor,
 * reason, a compact summary of its figures), a status block and list lines. Absent fields are
 * left out, never an error: the release API grows.
 */
final class ReleaseFormat {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int LOG_LINES = 10;

    private final ZoneId zone;

    ReleaseFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code 10:02:03  CHECKED → BACKED_UP  release-service  step done  [stepMs=12 rows=40]}, then a failure's log lines. */
    List<String> timelineLines(JsonObject step) {
        String from = string(step, "from");
        String to = string(step, "to");
        String what = to == null || to.equals(from)
                ? firstOf(string(step, "event"), from, "note")
                : (from == null ? "→ " + to : from + " → " + to);
        JsonObject figures = step.getValue("figures") instanceof JsonObject f ? f : new JsonObject();
        String summary = figures(figures);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s  %-24s %-18s %s%s", clock(string(step, "at")), what, firstOf(string(step, "actor"), "-"),
                firstOf(string(step, "reason"), ""), summary.isEmpty() ? "" : "  [" + summary + "]").stripTrailing());
        if (figures.getValue("log") instanceof JsonArray log && !log.isEmpty()) {
            lines.add("          last lines of the log:");
            log.stream().skip(Math.max(0, log.size() - LOG_LINES)).forEach(l -> lines.add("            " + l));
        }
        return lines;
    }

    /** {@code key=value} pairs; lists and small maps inline, large ones as a count, the log left for its own lines. */
    String figures(JsonObject figures) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : figures) {
            if (!e.getKey().equals("log")) {
                parts.add(e.getKey() + "=" + value(e.getKey(), e.getValue()));
            }
        }
        return String.join(" ", parts);
    }

    void printStatus(JsonObject r, PrintStream out) {
        JsonObject run = r.getValue("run") instanceof JsonObject o ? o : new JsonObject();
        out.printf("Release %s (%s)  id %s%n", firstOf(string(r, "version"), "?"), firstOf(string(r, "kind"), "?"), firstOf(string(r, "id"), "?"));
        row(out, "state", string(r, "state"));
        row(out, "previous", string(r, "previousVersion"));
        row(out, "artifact", string(r, "artifact"));
        row(out, "planned", when(string(r, "createdAt")) + by(string(r, "createdBy")));
        JsonObject approval = r.getValue("approval") instanceof JsonObject a ? a : null;
        row(out, "approval", approval == null ? "none" : firstOf(string(approval, "by"), "?") + " at " + when(string(approval, "at")));
        String startedAt = firstOf(string(run, "startedAt"), string(r, "startedAt"));
        if (startedAt != null) {
            String reason = firstOf(string(run, "hotfixReason"), string(r, "hotfixReason"));
            row(out, "started", when(startedAt) + by(firstOf(string(run, "startedBy"), string(r, "startedBy")))
                    + (reason == null ? "" : " (hotfix reason: " + reason + ")"));
        }
        String fromSlot = firstOf(string(r, "fromSlot"), string(run, "fromSlot"));
        String toSlot = firstOf(string(r, "toSlot"), string(run, "toSlot"));
        if (fromSlot != null || toSlot != null) {
            row(out, "slots", firstOf(fromSlot, "?") + " → " + firstOf(toSlot, "?"));
        }
        row(out, "backup", firstOf(string(run, "backupPath"), string(r, "backupPath")));
        String until = monitoringUntil(r);
        if (until != null && !"COMPLETED".equals(string(r, "state"))) {
            row(out, "monitoring", "until " + when(until));
        }
        String migrations = string(r, "migrationKind");
        if (migrations != null) {
            String schema = string(r, "targetSchemaVersion");
            row(out, "migrations", migrations + (schema == null ? "" : " (schema to V" + schema + ")"));
        }
        printChanges(r, out);
        printStartCheck(r, out);
        printGates(r, out);
        printAcknowledgements(r, out);
        if (r.getValue("timeline") instanceof JsonArray timeline) {
            out.println("timeline:");
            timeline.forEach(s -> timelineLines(s instanceof JsonObject o ? o : new JsonObject()).forEach(l -> out.println("  " + l)));
        }
    }

    String listHeader() {
        return String.format("%-14s %-7s %-13s %-19s %s", "VERSION", "KIND", "STATE", "PLANNED", "ID");
    }

    String listLine(JsonObject r) {
        return String.format("%-14s %-7s %-13s %-19s %s", firstOf(string(r, "version"), "-"), firstOf(string(r, "kind"), "-"),
                firstOf(string(r, "state"), "-"), when(string(r, "createdAt")), firstOf(string(r, "id"), "-"));
    }

    /** When MONITORING ends: the release's {@code run.monitoringUntil}, else the MONITORING entry's {@code until}. */
    String monitoringUntil(JsonObject r) {
        JsonObject run = r.getValue("run") instanceof JsonObject o ? o : new JsonObject();
        String until = firstOf(string(run, "monitoringUntil"), string(r, "monitoringUntil"));
        if (until == null && r.getValue("timeline") instanceof JsonArray timeline) {
            for (Object s : timeline) {
                if (s instanceof JsonObject step && "MONITORING".equals(string(step, "to"))
                        && step.getValue("figures") instanceof JsonObject f && string(f, "until") != null) {
                    until = string(f, "until");
                }
            }
        }
        return until;
    }

    /** Local {@code HH:mm:ss} of an ISO date-time; the text itself when it is not one. */
    String clock(String iso) {
        return format(iso, CLOCK, "--:--:--");
    }

    /** Local {@code yyyy-MM-dd HH:mm:ss}. */
    String when(String iso) {
        return format(iso, DAY_AND_CLOCK, "-");
    }

    private void printChanges(JsonObject r, PrintStream out) {
        if (r.getValue("changes") instanceof JsonArray changes && !changes.isEmpty()) {
            out.println("changes:");
            changes.forEach(c -> out.println("  - " + (c instanceof JsonObject o ? firstOf(string(o, "title"), o.encode()) : c)));
        }
    }

    void printStartCheck(JsonObject r, PrintStream out) {
        if (!(r.getValue("startCheck") instanceof JsonObject check)) {
            return;
        }
        if (Boolean.TRUE.equals(check.getValue("mayStart"))) {
            row(out, "start check", "may start now" + (Boolean.TRUE.equals(check.getValue("bypassesWindow"))
                    ? " (a hotfix outside the window: give --reason)" : ""));
            return;
        }
        out.println("start check: may not start now" + (string(check, "windowOpensAt") == null ? ""
                : "; the window opens " + when(string(check, "windowOpensAt"))));
        if (check.getValue("refusals") instanceof JsonArray refusals) {
            refusals.forEach(x -> {
                JsonObject refusal = x instanceof JsonObject o ? o : new JsonObject();
                out.println("  " + firstOf(string(refusal, "field"), "-") + ": " + firstOf(string(refusal, "reason"), string(refusal, "message"), ""));
            });
        }
    }

    /** {@code gates}: a list of {name, status, detail, by, at}, or a map of name to status. */
    private void printGates(JsonObject r, PrintStream out) {
        Object gates = r.getValue("gates");
        if (gates instanceof JsonArray list && !list.isEmpty()) {
            out.println("gates:");
            for (Object g : list) {
                JsonObject gate = g instanceof JsonObject o ? o : new JsonObject();
                String who = string(gate, "by") == null ? "" : "  by " + string(gate, "by")
                        + (string(gate, "at") == null ? "" : " at " + when(string(gate, "at")));
                out.println(String.format("  %-18s %-10s %s%s", firstOf(string(gate, "name"), "?"), firstOf(string(gate, "status"), "?"),
                        firstOf(string(gate, "detail"), ""), who).stripTrailing());
            }
        } else if (gates instanceof JsonObject map && !map.isEmpty()) {
            out.println("gates:");
            map.forEach(e -> out.println(String.format("  %-18s %s", e.getKey(), e.getValue())));
        }
    }

    /** {@code acknowledgements}: {item, by, at, note} per acknowledged checklist item. */
    private void printAcknowledgements(JsonObject r, PrintStream out) {
        if (r.getValue("acknowledgements") instanceof JsonArray acks && !acks.isEmpty()) {
            out.println("acknowledgements:");
            for (Object a : acks) {
                JsonObject ack = a instanceof JsonObject o ? o : new JsonObject();
                out.println(String.format("  %-18s by %s at %s%s", firstOf(string(ack, "item"), "?"), firstOf(string(ack, "by"), "?"),
                        when(string(ack, "at")), string(ack, "note") == null ? "" : "  " + string(ack, "note")));
            }
        }
    }

    private static void row(PrintStream out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("%-12s %s%n", label + ":", value);
        }
    }

    private static String by(String who) {
        return who == null ? "" : " by " + who;
    }

    private String format(String iso, DateTimeFormatter pattern, String absent) {
        if (iso == null) {
            return absent;
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(zone).format(pattern);
        } catch (DateTimeParseException notADateTime) {
            return iso;
        }
    }

    private static String value(String key, Object v) {
        if (v instanceof JsonArray list) {
            boolean flat = list.stream().noneMatch(x -> x instanceof JsonObject || x instanceof JsonArray);
            return flat && list.size() <= 5 ? "[" + String.join(",", list.stream().map(String::valueOf).toList()) + "]"
                    : "[" + list.size() + " items]";
        }
        if (v instanceof JsonObject map) {
            boolean flat = map.stream().noneMatch(e -> e.getValue() instanceof JsonObject || e.getValue() instanceof JsonArray);
            return flat && map.size() <= 4 ? "{" + String.join(", ", map.stream().map(e -> e.getKey() + ": " + e.getValue()).toList()) + "}"
                    : "{" + map.size() + " entries}";
        }
        String text = String.valueOf(v);
        if (key.equals("sha256") && text.length() > 12) {
            return text.substring(0, 12);
        }
        return text.length() > 48 ? text.substring(0, 47) + "…" : text;
    }

    static String string(JsonObject json, String key) {
        Object v = json.getValue(key);
        return v == null ? null : String.valueOf(v);
    }

    @SafeVarargs
    static <T> T firstOf(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
