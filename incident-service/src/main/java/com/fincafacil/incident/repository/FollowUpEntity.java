package com.fincafacil.incident.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow-up action an operator added to a deployment. */
@Entity
@Table(name = "follow_up_actions")
public class FollowUpEntity {

    @Id
    public UUID id;
    @Column(name = "release_id")
    public UUID releaseId;
    public String text;
    public String owner;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "added_by")
    public String addedBy;
    @Column(name = "added_at")
    public OffsetDateTime addedAt;
}
