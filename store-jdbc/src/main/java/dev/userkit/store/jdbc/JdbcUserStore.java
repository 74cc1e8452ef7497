package dev.userkit.store.jdbc;

import dev.userkit.domain.Email;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users in {@code userkit_users}; uniqueness of username key and skeleton, email key and phone is the table's unique constraints. */
final class JdbcUserStore implements UserStore {
    /** The columns of the public view ({@link User}), which the session reads join in; never the password hash. */
    static final String VIEW_COLUMNS = "id, username, username_key, username_skeleton, email, email_key, phone, "
            + "first_name, last_name, address, additional_info, metadata, admin, status, locale, created_at, updated_at";
    private static final String COLUMNS = VIEW_COLUMNS + ", password_hash, version, security_stamp";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM userkit_users ";

    private final Jdbc jdbc;

    JdbcUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(UserRecord rec) {
        User u = rec.user();
        jdbc.update("INSERT INTO userkit_users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + jdbc.dialect().jsonParameter() + ", ?, ?, ?, ?, ?, ?, ?, ?)", p -> {
            p.uuid(u.id().value());
            bindFields(p, u);
            p.instant(u.createdAt()).instant(u.updatedAt()).text(rec.passwordHash()).number(0).number(rec.securityStamp());
        }, "user");
    }

    @Override
    public Optional<UserRecord> findById(UserId id) {
        return jdbc.queryOne(SELECT + "WHERE id = ?", p -> p.uuid(id.value()), JdbcUserStore::map, "find user");
    }

    @Override
    public Optional<UserRecord> findByUsernameKey(String key) {
        return jdbc.queryOne(SELECT + "WHERE username_key = ?", p -> p.text(key), JdbcUserStore::map, "find user");
    }

    @Override
    public Optional<UserRecord> findByEmailKey(String key) {
        return jdbc.queryOne(SELECT + "WHERE email_key = ?", p -> p.text(key), JdbcUserStore::map, "find user");
    }

    @Override
    public Optional<UserRecord> findByPhone(String phone) {
        return jdbc.queryOne(SELECT + "WHERE phone = ?", p -> p.text(phone), JdbcUserStore::map, "find user");
    }

    @Override
    public boolean update(UserRecord next) {
        User u = next.user();
        // the version guard makes a lost update impossible: one statement, checked by its count
        return jdbc.update("UPDATE userkit_users SET username = ?, username_key = ?, username_skeleton = ?, email = ?, "
                + "email_key = ?, phone = ?, first_name = ?, last_name = ?, address = ?, additional_info = ?, metadata = "
                + jdbc.dialect().jsonParameter() + ", admin = ?, status = ?, locale = ?, updated_at = ?, password_hash = ?, version = ?, "
                + "security_stamp = ? WHERE id = ? AND version = ?", p -> {
            bindFields(p, u);
            p.instant(u.updatedAt()).text(next.passwordHash()).number(next.version()).number(next.securityStamp())
                    .uuid(u.id().value()).number(next.version() - 1);
        }, "user") == 1;
    }

    @Override
    public boolean delete(UserId id) {
        // The backstop for A10/REL-7 is the schema: sessions, codes, grants and devices reference the
        // user ON DELETE CASCADE (V3), so whatever the services forgot goes in this one statement. It
        // locks the user row first, so an insert racing it waits and then fails with UnknownUserException.
        return jdbc.update("DELETE FROM userkit_users WHERE id = ?", p -> p.uuid(id.value()), "delete user") == 1;
    }

    @Override
    public List<UserRecord> list(UserQuery q) {
        List<String> where = new ArrayList<>();
        List<SqlFragment.Binding> bindings = new ArrayList<>();
        if (q.after() != null) {
            where.add("id > ?");
            bindings.add(p -> p.uuid(q.after().value()));
        }
        if (q.metadataField() != null) {
            SqlFragment f = jdbc.dialect().metadataEquals(new MetadataFilter(q.metadataField(), q.metadataValue()));
            where.add(f.sql());
            bindings.add(f.binding());
        }
        String sql = SELECT + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)) + " ORDER BY id " + jdbc.dialect().firstRows();
        return jdbc.query(sql, p -> {
            for (SqlFragment.Binding b : bindings) b.bind(p);
            p.number(q.limit());
        }, JdbcUserStore::map, "list users");
    }

    @Override
    public List<UserId> findPendingCreatedBefore(Instant cutoff, int limit) {
        return jdbc.query("SELECT id FROM userkit_users WHERE status = ? AND created_at < ? ORDER BY id " + jdbc.dialect().firstRows(),
                p -> p.text(UserStatus.PENDING.name()).instant(cutoff).number(limit),
                r -> new UserId(r.uuid("id")), "find pending users");
    }

    private static void bindFields(Params p, User u) throws SQLException {
        Profile pr = u.profile();
        p.text(u.username().value()).text(u.username().key()).text(u.username().skeleton())
                .text(u.email().value()).text(u.email().key())
                .text(u.phone() == null ? null : u.phone().value())
                .text(pr.firstName()).text(pr.lastName()).text(pr.address()).text(pr.additionalInfo())
                .text(JsonCodec.write(u.metadata())).bool(u.admin()).text(u.status().name())
                .text(u.locale() == null ? null : u.locale().toLanguageTag());
    }

    private static UserRecord map(Row r) throws SQLException {
        return new UserRecord(mapView(r), r.text("password_hash"), r.number("version"), r.number("security_stamp"));
    }

    /** The user's public view from the {@link #VIEW_COLUMNS} of a row. */
    static User mapView(Row r) throws SQLException {
        String phone = r.text("phone");
        String locale = r.text("locale");
        Username name = new Username(r.text("username"), r.text("username_key"), r.text("username_skeleton"));
        Profile profile = Profile.builder().firstName(r.text("first_name")).lastName(r.text("last_name"))
                .address(r.text("address")).additionalInfo(r.text("additional_info")).build();
        return User.builder().id(new UserId(r.uuid("id"))).username(name)
                .email(new Email(r.text("email"), r.text("email_key"))).phone(phone == null ? null : new Phone(phone))
                .profile(profile).metadata(r.json("metadata")).admin(r.bool("admin"))
                .status(UserStatus.valueOf(r.text("status"))).createdAt(r.instant("created_at"))
                .updatedAt(r.instant("updated_at")).locale(locale == null ? null : Locale.forLanguageTag(locale)).build();
    }
}
