package com.fincafacil.incident.domain.announce;

/** What an announcement is about; each channel subscribes to some of them, each has a Spanish template. */
public enum AnnouncementKind {
    RELEASE_STARTED, GO_LIVE, ROLLED_BACK, INCIDENT_OPENED, INCIDENT_RESOLVED, POSTMORTEM_OVERDUE
}
