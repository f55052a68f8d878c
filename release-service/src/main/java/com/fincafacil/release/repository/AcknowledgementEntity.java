package com.fincafacil.release.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An operator's acknowledgement of one human checklist item of a release. */
@Entity
@Table(name = "release_acknowledgements")
@IdClass(AcknowledgementEntity.Key.class)
public class AcknowledgementEntity {

    /** The primary key: one acknowledgement per release and item. */
    public static class Key implements Serializable {
        public UUID releaseId;
        public String item;

        public Key() {
        }

        public Key(UUID releaseId, String item) {
            this.releaseId = releaseId;
            this.item = item;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(releaseId, k.releaseId) && java.util.Objects.equals(item, k.item);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(releaseId, item);
        }
    }

    @Id
    @Column(name = "release_id")
    public UUID releaseId;
    @Id
    public String item;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;
    public String note;
}
