package dk.kk.gevinstspor.admin;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dk.kk.gevinstspor.domain.Frame;

/** A stored limit of one innovation-pool frame in one adoption year; absent rows keep the seed's defaults. */
@Entity
@Table(name = "frame_limit")
@IdClass(FrameLimitEntity.Key.class)
public class FrameLimitEntity {

    @Id
    @Column(name = "adoption_year")
    public int adoptionYear;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    public Frame frame;

    @Column(nullable = false, precision = 15, scale = 2)
    public BigDecimal amount;

    @Version
    public long version;

    /** The primary key: adoption year and frame. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public int adoptionYear;
        public Frame frame;

        public Key() {
        }

        public Key(int adoptionYear, Frame frame) {
            this.adoptionYear = adoptionYear;
            this.frame = frame;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.adoptionYear == adoptionYear && k.frame == frame;
        }

        @Override
        public int hashCode() {
            return Objects.hash(adoptionYear, frame);
        }
    }
}
