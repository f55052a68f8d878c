package com.fincafacil.incident.domain.announce;

/** The webhook shapes a channel speaks: Slack incoming webhook, Microsoft Teams, or generic JSON. */
public enum ChannelKind {
    SLACK, TEAMS, WEBHOOK
}
