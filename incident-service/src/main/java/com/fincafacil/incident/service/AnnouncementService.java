package com.fincafacil.incident.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.incident.domain.announce.AnnouncementKind;
import com.fincafacil.incident.domain.announce.ChannelKind;
import com.fincafacil.incident.domain.announce.Templates;
import com.fincafacil.incident.repository.ChannelEntity;
import com.fincafacil.incident.repository.ChannelRepository;
import com.fincafacil.incident.repository.NotificationEntity;
import com.fincafacil.incident.repository.NotificationRepository;
import com.fincafacil.incident.repository.TemplateEntity;
import com.fincafacil.incident.repository.TemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Announcement channels (admins), templates (operators), and the queue of notifications. */
@ApplicationScoped
public class AnnouncementService {

    private final ChannelRepository channels;
    private final TemplateRepository templates;
    private final NotificationRepository notifications;
    private final Clock clock;

    public AnnouncementService(ChannelRepository channels, TemplateRepository templates, NotificationRepository notifications, Clock clock) {
        this.channels = channels;
        this.templates = templates;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Queues one notification per subscribed channel in the transaction that fired the notice:
     * an announcement exists if and only if what it announces was committed, and sending it
     * later never holds that transaction up.
     */
    void queue(@Observes Notice notice) {
        String text = Templates.render(template(notice.kind()), notice.values());
        for (ChannelEntity channel : channels.enabled()) {
            if (channel.events.contains(notice.kind().name())) {
                NotificationEntity n = new NotificationEntity();
                n.channelId = channel.id;
                n.kind = notice.kind().name();
                n.text = text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
                n.values = notice.values();
                n.status = "PENDING";
                n.nextAttemptAt = now();
                n.createdAt = now();
                notifications.persist(n);
            }
        }
    }

    @Transactional
    public ChannelEntity create(String name, ChannelKind kind, String url, List<String> events, String actor) {
        if (channels.named(name).isPresent()) {
            throw Refusal.conflict("name", "channel_name_taken", "name", Refusals.printable(name));
        }
        ChannelEntity c = new ChannelEntity();
        c.id = UUID.randomUUID();
        c.name = name;
        c.kind = kind;
        c.url = url;
        c.events = kinds(events);
        c.enabled = true;
        c.createdBy = actor;
        c.createdAt = now();
        channels.persist(c);
        return c;
    }

    /** Changes what is given; a channel keeps its URL unless a new one is given. */
    @Transactional
    public ChannelEntity update(UUID id, String url, List<String> events, Boolean enabled) {
        ChannelEntity c = channel(id);
        if (url != null) {
                c.url = url;
            c.consecutiveFailures = 0;
            c.lastError = null;
        }
        if (events != null) {
            c.events = kinds(events);
        }
        if (enabled != null) {
            c.enabled = enabled;
        }
        return c;
    }

    @Transactional
    public void delete(UUID id) {
        channels.delete(channel(id));
    }

    public ChannelEntity channel(UUID id) {
        return channels.findByIdOptional(id).orElseThrow(() -> Refusals.channelNotFound(id));
    }

    public List<ChannelEntity> channels() {
        return channels.byName();
    }

    /** Every kind's template in use: the operator's, or the default. */
    public Map<AnnouncementKind, String> templates() {
        Map<AnnouncementKind, String> all = new LinkedHashMap<>();
        for (AnnouncementKind kind : AnnouncementKind.values()) {
            all.put(kind, template(kind));
        }
        return all;
    }

    @Transactional
    public String setTemplate(AnnouncementKind kind, String template, String actor) {
        List<String> unknown = Templates.unknownPlaceholders(kind, template);
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("template", "unknown_placeholder", "unknown", unknown, "kind", kind, "allowed", Templates.allowed(kind));
        }
        TemplateEntity t = templates.findByIdOptional(kind.name()).orElseGet(TemplateEntity::new);
        boolean isNew = t.kind == null;
        t.kind = kind.name();
        t.template = template;
        t.updatedBy = actor;
        t.updatedAt = now();
        if (isNew) {
            templates.persist(t);
        }
        return template;
    }

    public List<NotificationEntity> deliveries(String status, int limit) {
        return notifications.newest(status, limit);
    }

    public static AnnouncementKind kind(String text) {
        try {
            return AnnouncementKind.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusals.unknownValue("kind", AnnouncementKind.class);
        }
    }

    private String template(AnnouncementKind kind) {
        return templates.findByIdOptional(kind.name()).map(t -> t.template).orElseGet(() -> Templates.defaultFor(kind));
    }

    /** A channel's events once each; their names and the URL's form are the request's constraints (WebhookUrl, OneOf). */
    private static List<String> kinds(List<String> events) {
        return events.stream().distinct().toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
