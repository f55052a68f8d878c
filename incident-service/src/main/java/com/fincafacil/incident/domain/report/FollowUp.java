package com.fincafacil.incident.domain.report;

import java.time.LocalDate;

/** A follow-up action after a deployment (the report's "Acciones post"); owner and due date optional. */
public record FollowUp(String text, String owner, LocalDate due) {
}
