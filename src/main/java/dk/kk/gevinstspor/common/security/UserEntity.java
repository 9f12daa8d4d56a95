package dk.kk.gevinstspor.common.security;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A user who signs in with a password (bcrypt): roles and, for {@code entry}, the administrations. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false, unique = true)
    public String username;

    /** bcrypt in modular crypt format; never logged, never returned. */
    @Password
    @Column(nullable = false)
    public String password;

    /** Comma-separated: admin, entry, viewer. */
    @Roles
    @Column(nullable = false)
    public String roles;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_administration", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "administration_code")
    public Set<String> administrations = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();

    /** False: the user cannot sign in, and its sessions have ended (docs/security.md: user lifecycle). */
    @Column(nullable = false)
    public boolean enabled = true;

    /** True after an admin's reset: the next sign-in leads to the page where the user chooses a new password. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** When the password last changed: a remembered password check from before then no longer counts. */
    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt = Instant.now();

    @Version
    public long version;
}
