package com.fincafacil.incident.service;

import com.fincafacil.incident.domain.announce.AnnouncementKind;

import java.util.Map;

/**
 * Something to announce, fired as a CDI event inside the transaction that made it happen, so the
 * announcement is queued if and only if that transaction commits.
 */
public record Notice(AnnouncementKind kind, Map<String, String> values) {
}
